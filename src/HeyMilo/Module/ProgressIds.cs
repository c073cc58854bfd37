namespace HeyMilo.Module
{
    /// <summary>
    /// The progress activity ids of the module's bars, in one place so no two bars share one
    /// (a nested bar names its parent by id).
    /// </summary>
    internal static class ProgressIds
    {
        /// <summary>Get-MiloInterview over several postings: the parent bar.</summary>
        public const int InterviewPostings = 0x4D0F;
        /// <summary>Get-MiloInterview -Detailed: one posting's result fetches.</summary>
        public const int InterviewDetails = 0x4D10;
        /// <summary>Export-MiloInterview.</summary>
        public const int Export = 0x4D11;
        /// <summary>Import-MiloCandidate.</summary>
        public const int Import = 0x4D1C;
        /// <summary>Set-MiloInterviewMetadata.</summary>
        public const int InterviewMetadata = 0x4D20;
        /// <summary>Send-MiloAtsCandidate.</summary>
        public const int AtsPush = 0x4D21;
        /// <summary>Any cmdlet: the countdown of a rate-limit or retry wait.</summary>
        public const int Wait = 0x4D57;
    }
}
