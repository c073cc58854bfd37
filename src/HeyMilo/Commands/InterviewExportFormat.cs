namespace HeyMilo
{
    /// <summary>File formats of Export-MiloInterview.</summary>
    public enum InterviewExportFormat
    {
        /// <summary>One JSON array of the interviews exactly as the API returned them (snake_case).</summary>
        Json,
        /// <summary>One JSON object per line (JSON Lines / NDJSON).</summary>
        JsonLines,
        /// <summary>Flattened RFC 4180 CSV; see Export-MiloInterview for the columns.</summary>
        Csv,
    }
}
