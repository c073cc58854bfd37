using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// A create-posting request (POST /api/v2/postings) put together from the fields given once (the command
    /// line) and, per record, the fields a piped object supplies as defaults. The rules the schema alone does not
    /// show: a posting needs a title and exactly one source of its workflow (steps or an interview template); a
    /// posting read from the API does not pass on its slug and deadline; a voice is the voice_id of the
    /// workflow's web_interview steps, so it needs such a step and no template.
    /// </summary>
    internal sealed class PostingDraft
    {
        /// <summary>The fields a posting from the API does not pass on to a new one: they identify the original.</summary>
        public static readonly string[] NotCopiedFromPosting = { "name", "deadline" };

        private readonly RequestBody _given;
        private readonly List<Dictionary<string, object?>>? _workflow;
        private readonly string? _voiceId;

        /// <param name="given">The checked fields given once (interview_template_id among them).</param>
        /// <param name="steps">The workflow given once, as plain values, or null.</param>
        /// <param name="problems">Where what is wrong with the fields given once goes: the same for every record.</param>
        public PostingDraft(RequestBody given, IEnumerable<object?>? steps, string? voiceId, RequestProblems problems)
        {
            _given = given;
            _voiceId = voiceId;
            if (steps != null) _workflow = BuildWorkflow(steps, problems);
            if (voiceId != null && given.Has("interview_template_id"))
                problems.AddAboutWorkflow("-VoiceId sets the voice_id of the workflow's web_interview step, and with -InterviewTemplateId the template supplies the workflow. Create the posting, then run Set-MiloWorkflowStep -PostingId <id> -Step web_interview -Config @{ voice_id = '<voice>' }.");
            if (steps != null && given.Has("interview_template_id"))
                problems.AddAboutWorkflow("-Workflow and -InterviewTemplateId are mutually exclusive: the template supplies the workflow.");
        }

        /// <summary>The objects that cannot be piped as a posting's fields (they have fields of their own kind), with why.</summary>
        public static string? WhyNotAPosting(object piped) =>
            piped is Question || piped is InterviewBase || piped is Webhook
                ? $"The piped object is a {piped.GetType().FullName}, not a posting or an object of posting fields."
                : null;

        /// <summary>The request for one record: the fields given once, then those of <paramref name="piped"/> (if any) not given.</summary>
        public DraftedRequest Draft(PropertyBag? piped, bool pipedIsPosting)
        {
            var body = _given.Clone();
            var workflow = _workflow;
            var problems = new RequestProblems();
            if (piped != null)
            {
                body.AddDefaults(RequestRules.CreatePosting, piped, pipedIsPosting ? NotCopiedFromPosting : Array.Empty<string>(), problems);
                if (workflow is null && !body.Has("interview_template_id") && piped.TryGetValue("Workflow", out var steps) && steps != null)
                    workflow = BuildWorkflow(steps is object?[] list ? list : new[] { steps }, problems);
            }

            if (!body.Has("title")) problems.Add("A posting needs a title: give -Title, or pipe an object with a Title property.");
            var template = body.Get("interview_template_id") as string;
            if (workflow != null && template != null)
                problems.AddAboutWorkflow("A workflow and an interview template are mutually exclusive: the template supplies the workflow.");
            else if (workflow is null && template is null)
                problems.AddAboutWorkflow("A posting needs its workflow: give -Workflow (for example -Workflow resume, web_interview) or -InterviewTemplateId.");
            if (_voiceId != null && workflow != null) SetVoice(workflow, _voiceId, problems);
            if (problems.Count > 0) return new DraftedRequest(body, problems, string.Empty, string.Empty);

            if (workflow != null) body.Set("workflow", workflow);
            var title = (string)body.Get("title")!;
            var action = template != null
                ? $"Create from interview template {template}"
                : $"Create with {workflow!.Count} workflow step{(workflow.Count == 1 ? "" : "s")}";
            var warning = workflow != null && workflow.Count == 0 ? $"The posting '{title}' has an empty workflow: it cannot be activated until it has steps." : null;
            return new DraftedRequest(body, problems, $"posting '{title}'", action, warning);
        }

        private static List<Dictionary<string, object?>> BuildWorkflow(IEnumerable<object?> steps, RequestProblems problems) =>
            problems.Check(ProblemKind.Workflow, list => RequestRules.BuildWorkflow(steps, list));

        /// <summary>voice_id is a web_interview step setting (WebInterviewConfig); the posting itself has none.</summary>
        private static void SetVoice(List<Dictionary<string, object?>> workflow, string voiceId, RequestProblems problems)
        {
            var steps = workflow.Where(s => (string?)s["type"] == "web_interview").ToList();
            if (steps.Count == 0)
            {
                problems.AddAboutWorkflow("-VoiceId sets the voice_id of the workflow's web_interview step, and the workflow has none.");
                return;
            }
            foreach (var step in steps)
            {
                if (!(step.TryGetValue("config", out var config) && config is Dictionary<string, object?> map))
                    step["config"] = map = new Dictionary<string, object?>(StringComparer.Ordinal);
                map["voice_id"] = voiceId;
            }
        }
    }
}
