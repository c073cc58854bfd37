using System.Collections.Generic;

namespace HeyMilo.Import
{
    /// <summary>
    /// One input row as plain text: its cells in column order (the column's own name and its value as a
    /// string), numbered from 1 in input order. The cmdlet reads Import-Csv rows, objects and hashtables
    /// into this; the engine never sees a PowerShell type.
    /// </summary>
    internal sealed class CandidateRow
    {
        public CandidateRow(long number, IReadOnlyList<KeyValuePair<string, string>> cells, object? source = null)
        {
            Number = number;
            Cells = cells;
            Source = source;
        }

        /// <summary>1-based position in the input ("data row": the first row under a CSV header is 1).</summary>
        public long Number { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Cells { get; }

        /// <summary>What the caller wants back with the row's outcome (the PowerShell input row); never read here.</summary>
        public object? Source { get; }
    }
}
