using System;
using System.Collections.Generic;
using System.Text;

namespace HeyMilo.Import
{
    /// <summary>
    /// The one table of column names Import-MiloCandidate (and any cmdlet taking candidate rows) accepts.
    /// A column matches an alias case-insensitively, ignoring spaces, '_' and '-': "Full Name", "full_name"
    /// and "FULLNAME" are one column. docs/import.md and the cmdlet's help list these names; a test keeps
    /// them in step with this table.
    /// </summary>
    internal static class CandidateColumns
    {
        public static readonly IReadOnlyList<string> Name = new[] { "Name", "Full Name", "Candidate Name" };
        public static readonly IReadOnlyList<string> FirstName = new[] { "First Name", "Given Name" };
        public static readonly IReadOnlyList<string> LastName = new[] { "Last Name", "Surname", "Family Name" };
        public static readonly IReadOnlyList<string> Email = new[] { "Email", "E-mail", "Email Address", "Mail" };
        public static readonly IReadOnlyList<string> Phone = new[] { "Phone", "Phone Number", "Mobile", "Mobile Phone", "Mobile Number", "Cell", "Cell Phone" };

        /// <summary>Field name → its aliases, in the order the docs list them.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> All = new[]
        {
            new KeyValuePair<string, IReadOnlyList<string>>("name", Name),
            new KeyValuePair<string, IReadOnlyList<string>>("first name", FirstName),
            new KeyValuePair<string, IReadOnlyList<string>>("last name", LastName),
            new KeyValuePair<string, IReadOnlyList<string>>("email", Email),
            new KeyValuePair<string, IReadOnlyList<string>>("phone", Phone),
        };

        /// <summary>The key a column is matched by: lower case, without spaces, '_' and '-'.</summary>
        public static string Normalize(string column)
        {
            var sb = new StringBuilder(column.Length);
            foreach (var c in column)
            {
                if (char.IsWhiteSpace(c) || c == '_' || c == '-') continue;
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        /// <summary>"Email, E-mail, Email Address or Mail".</summary>
        public static string Describe(IReadOnlyList<string> aliases)
        {
            if (aliases.Count == 1) return aliases[0];
            return string.Join(", ", Take(aliases, aliases.Count - 1)) + " or " + aliases[aliases.Count - 1];
        }

        private static IEnumerable<string> Take(IReadOnlyList<string> list, int count)
        {
            for (var i = 0; i < count; i++) yield return list[i];
        }

        /// <summary>Whether any of the columns is one of the aliases.</summary>
        public static bool Has(IEnumerable<string> columns, IReadOnlyList<string> aliases)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alias in aliases) keys.Add(Normalize(alias));
            foreach (var column in columns)
                if (keys.Contains(Normalize(column))) return true;
            return false;
        }
    }
}
