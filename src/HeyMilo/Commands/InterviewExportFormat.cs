namespace HeyMilo
{
    /// <summary>File formats of Export-MiloInterview.</summary>
    public enum InterviewExportFormat
    {
        /// <summary>One JSON array of the interviews, with the objects' property names and ISO dates (-Raw: the API's own shape).</summary>
        Json,
        /// <summary>One JSON object per line (JSON Lines / NDJSON).</summary>
        JsonLines,
        /// <summary>Flattened RFC 4180 CSV; see Export-MiloInterview for the columns.</summary>
        Csv,
    }
}
