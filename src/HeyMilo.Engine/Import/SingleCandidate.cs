using System.Collections.Generic;
using HeyMilo.Client;
using HeyMilo.Client.Models;

namespace HeyMilo.Import
{
    /// <summary>
    /// New-MiloCandidate's request body: one candidate typed as parameters, checked field by field
    /// (<see cref="InteractiveInputRules"/>) before anything is sent. A phone in national form is read in the
    /// default region when one is given, as <see cref="CandidateReader"/> does for imported rows.
    /// </summary>
    internal static class SingleCandidate
    {
        /// <param name="region">-DefaultRegion, already resolved (<see cref="NationalPhoneNumbers.DefaultRegion"/>); null: E.164 only.</param>
        /// <param name="metadata">-Metadata read as text pairs (null: not given), or the problem that stopped the reading.</param>
        /// <param name="metadataTarget">-Metadata as given: the TargetObject of a metadata problem.</param>
        /// <returns>The body, or null with the InvalidCandidate <paramref name="problem"/> whose Target is the bad value.</returns>
        public static CandidateIngestItem? Build(string name, string email, string? phone, string? region,
            (Dictionary<string, string>? Pairs, string? Problem) metadata, object? metadataTarget, out CommandProblem? problem)
        {
            var text = InteractiveInputRules.CheckName(name);
            object? target = name;
            if (text is null)
            {
                text = InteractiveInputRules.CheckEmail(email.Trim());
                target = email;
            }

            string? e164 = null;
            if (text is null && !string.IsNullOrWhiteSpace(phone))
            {
                e164 = Phone(phone!, region, out text);
                target = phone;
            }

            if (text is null && metadataTarget != null)
            {
                text = metadata.Problem;
                target = metadataTarget;
            }

            if (text != null)
            {
                problem = new CommandProblem("InvalidCandidate", CommandProblemKind.InvalidData, "New-MiloCandidate: " + text, target,
                    ReferenceEquals(target, metadataTarget) ? InteractiveInputRules.MetadataAdvice : "Correct the named value and run the command again; nothing was sent.");
                return null;
            }
            problem = null;
            return new CandidateIngestItem
            {
                Name = name.Trim(),
                Email = email.Trim(),
                PhoneNumber = e164,
                Metadata = metadata.Pairs is { Count: > 0 } ? metadata.Pairs : null,
            };
        }

        /// <summary>E.164 as given (spaces, dashes, dots, parentheses dropped), else read in <paramref name="region"/>; null with the problem.</summary>
        private static string? Phone(string phone, string? region, out string? problem)
        {
            var e164 = InteractiveInputRules.NormalizePhone(phone, out problem);
            if (e164 != null || region is null) return e164;
            e164 = NationalPhoneNumbers.ToE164(phone.Trim(), region, out var reason);
            problem = e164 is null ? $"'phone_number' '{phone}' is not a valid phone number of {region} or in international form: {reason}." : null;
            return e164;
        }
    }
}
