namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// A create-question request (POST /api/v2/postings/{id}/questions) put together from the fields given once
    /// (the command line) and, per record, the fields a piped question or row supplies as defaults. A posting
    /// piped in only names the posting; a question needs a modality and its text.
    /// </summary>
    internal sealed class QuestionDraft
    {
        private readonly RequestBody _given;

        /// <param name="given">The checked fields given once.</param>
        public QuestionDraft(RequestBody given) => _given = given;

        /// <summary>Whether a piped object stands for the posting the question goes to, not for the question's fields.</summary>
        public static bool NamesOnlyThePosting(object piped) => piped is Posting || piped is PostingSummary || piped is PostingStatistic;

        /// <summary>The objects that cannot be piped as a question's fields (they have fields of their own kind), with why.</summary>
        public static string? WhyNotAQuestion(object piped) =>
            piped is InterviewBase || piped is Webhook
                ? $"The piped object is a {piped.GetType().FullName}, not a question or an object of question fields."
                : null;

        /// <summary>The request for one record: the fields given once, then those of <paramref name="piped"/> (if any) not given.</summary>
        public DraftedRequest Draft(string postingId, PropertyBag? piped)
        {
            var body = _given.Clone();
            var problems = new RequestProblems();
            if (piped != null) body.AddDefaults(RequestRules.CreateQuestion, piped, System.Array.Empty<string>(), problems);
            if (!body.Has("modality")) problems.Add("A question needs a modality: give -Modality (voice, sms, form, resume_eligibility, resume_scoring, voice_tags).");
            if (!body.Has("text")) problems.Add("A question needs its text: give -Text.");
            if (problems.Count > 0) return new DraftedRequest(body, problems, string.Empty, string.Empty);
            return new DraftedRequest(body, problems, $"posting {postingId}", $"Add {(string)body.Get("modality")!} question '{Short((string)body.Get("text")!)}'");
        }

        /// <summary>A question's text short enough for a prompt: at most 60 characters.</summary>
        public static string Short(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
