namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// A request body a draft put together for one record, with what is wrong with it (nothing is sent when
    /// anything is) and how a confirmation prompt names it.
    /// </summary>
    internal sealed class DraftedRequest
    {
        public DraftedRequest(RequestBody body, RequestProblems problems, string target, string action, string? warning = null)
        {
            Body = body;
            Problems = problems;
            Target = target;
            Action = action;
            Warning = warning;
        }

        public RequestBody Body { get; }
        public RequestProblems Problems { get; }
        /// <summary>What ShouldProcess names ("posting 'Nurse'").</summary>
        public string Target { get; }
        /// <summary>What ShouldProcess says is done ("Create with 2 workflow steps").</summary>
        public string Action { get; }
        /// <summary>Worth telling once the request is confirmed, or null.</summary>
        public string? Warning { get; }
    }
}
