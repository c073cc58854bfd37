using System;
using System.Collections.Generic;
using System.Linq;
using HeyMilo.Client.Requests;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The create-posting rules without PowerShell: fields given once, piped fields as defaults, the problems and their reason.</summary>
    public class PostingDraftTests
    {
        private static RequestBody Given(params (string Name, object? Value)[] fields)
        {
            var body = new RequestBody();
            var problems = new RequestProblems();
            foreach (var (name, value) in fields) body.Add(RequestRules.CreatePosting.Single(r => r.Name == name), value, "-" + name, problems);
            Assert.Empty(problems.Items);
            return body;
        }

        private static PropertyBag Bag(params (string Name, object? Value)[] properties)
        {
            var bag = new PropertyBag();
            foreach (var (name, value) in properties) bag[name] = value;
            return bag;
        }

        private static List<Dictionary<string, object?>> Workflow(DraftedRequest request) => (List<Dictionary<string, object?>>)request.Body.Get("workflow")!;

        [Fact]
        public void A_posting_without_a_title_is_refused_as_an_invalid_value()
        {
            var problems = new RequestProblems();
            var request = new PostingDraft(new RequestBody(), new object?[] { "resume" }, null, problems).Draft(null, false);

            Assert.Empty(problems.Items);
            Assert.Equal(new[] { "A posting needs a title: give -Title, or pipe an object with a Title property." }, request.Problems.Items);
            Assert.Equal("InvalidValue", request.Problems.Reason);
            Assert.False(request.Body.Has("workflow"));
        }

        [Fact]
        public void Steps_and_an_interview_template_given_together_are_a_workflow_problem_before_any_record()
        {
            var problems = new RequestProblems();
            new PostingDraft(Given(("title", "Nurse"), ("interview_template_id", "tpl_1")), new object?[] { "resume" }, "voice_1", problems);

            Assert.Equal(2, problems.Count);
            Assert.Contains(problems.Items, p => p.StartsWith("-Workflow and -InterviewTemplateId are mutually exclusive", StringComparison.Ordinal));
            Assert.Contains(problems.Items, p => p.StartsWith("-VoiceId sets the voice_id", StringComparison.Ordinal) && p.Contains("Set-MiloWorkflowStep"));
            Assert.Equal("InvalidWorkflow", problems.Reason);
        }

        [Fact]
        public void A_posting_needs_steps_or_a_template()
        {
            var request = new PostingDraft(Given(("title", "Nurse")), null, null, new RequestProblems()).Draft(null, false);

            Assert.Single(request.Problems.Items, p => p.StartsWith("A posting needs its workflow", StringComparison.Ordinal));
            Assert.Equal("InvalidWorkflow", request.Problems.Reason);
        }

        [Fact]
        public void The_voice_goes_onto_every_web_interview_step_and_no_other()
        {
            var steps = new object?[] { "resume", "web_interview", new Dictionary<string, object?> { ["type"] = "web_interview", ["config"] = new Dictionary<string, object?> { ["video"] = true } } };
            var request = new PostingDraft(Given(("title", "Nurse")), steps, "voice_ada", new RequestProblems()).Draft(null, false);

            Assert.Empty(request.Problems.Items);
            var workflow = Workflow(request);
            Assert.False(workflow[0].ContainsKey("config"));
            Assert.Equal("voice_ada", ((Dictionary<string, object?>)workflow[1]["config"]!)["voice_id"]);
            var third = (Dictionary<string, object?>)workflow[2]["config"]!;
            Assert.Equal("voice_ada", third["voice_id"]);
            Assert.Equal(true, third["video"]);
            Assert.Equal("posting 'Nurse'", request.Target);
            Assert.Equal("Create with 3 workflow steps", request.Action);
            Assert.Null(request.Warning);
        }

        [Fact]
        public void A_voice_without_a_web_interview_step_is_a_workflow_problem()
        {
            var request = new PostingDraft(Given(("title", "Nurse")), new object?[] { "resume" }, "voice_ada", new RequestProblems()).Draft(null, false);

            Assert.Equal(new[] { "-VoiceId sets the voice_id of the workflow's web_interview step, and the workflow has none." }, request.Problems.Items);
            Assert.Equal("InvalidWorkflow", request.Problems.Reason);
        }

        [Fact]
        public void A_piped_posting_passes_on_its_fields_but_not_its_slug_and_deadline_and_given_fields_win()
        {
            var posting = Bag(("Title", "Original"), ("Description", "From the original posting"), ("Name", "original-slug"),
                ("Deadline", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), ("Workflow", new object?[] { Bag(("Type", "resume"), ("Id", "step_1")) }));
            var draft = new PostingDraft(Given(("title", "Copy")), null, null, new RequestProblems());

            var fromPosting = draft.Draft(posting, pipedIsPosting: true);
            Assert.Empty(fromPosting.Problems.Items);
            Assert.Equal(new[] { "title", "description", "workflow" }, fromPosting.Body.Names);
            Assert.Equal("Copy", fromPosting.Body.Get("title"));
            Assert.Equal("resume", Workflow(fromPosting).Single()["type"]);

            var fromRow = draft.Draft(posting, pipedIsPosting: false);
            Assert.Equal("original-slug", fromRow.Body.Get("name"));
            Assert.Equal("2030-01-02T03:04:05Z", fromRow.Body.Get("deadline"));
        }

        [Fact]
        public void A_piped_workflow_is_not_used_when_the_posting_comes_from_a_template()
        {
            var row = Bag(("Title", "Row"), ("InterviewTemplateId", "tpl_9"), ("Workflow", "resume, web_interview"));
            var request = new PostingDraft(new RequestBody(), null, null, new RequestProblems()).Draft(row, false);

            Assert.Empty(request.Problems.Items);
            Assert.False(request.Body.Has("workflow"));
            Assert.Equal("Create from interview template tpl_9", request.Action);
        }

        [Fact]
        public void An_empty_workflow_is_sent_with_a_warning()
        {
            var request = new PostingDraft(Given(("title", "Nurse")), new object?[0], null, new RequestProblems()).Draft(null, false);

            Assert.Empty(request.Problems.Items);
            Assert.Empty(Workflow(request));
            Assert.Equal("Create with 0 workflow steps", request.Action);
            Assert.Equal("The posting 'Nurse' has an empty workflow: it cannot be activated until it has steps.", request.Warning);
        }

        [Fact]
        public void A_metadata_problem_is_reported_as_metadata_even_beside_a_workflow_problem()
        {
            var row = Bag(("Title", "Row"), ("Metadata", new Dictionary<string, object?> { ["team"] = new object?[] { "a", "b" } }));
            var request = new PostingDraft(new RequestBody(), null, null, new RequestProblems()).Draft(row, false);

            Assert.Equal(2, request.Problems.Count);
            Assert.Contains(request.Problems.Items, p => p.StartsWith("property Metadata of the input object: the value of 'team' must be text", StringComparison.Ordinal));
            Assert.Equal("InvalidMetadata", request.Problems.Reason);
        }

        [Fact]
        public void A_value_that_mentions_a_workflow_is_still_an_invalid_value()
        {
            var row = Bag(("Title", "Row"), ("CompanyOverviewDeliveryMode", "workflow"), ("Workflow", "resume"));
            var request = new PostingDraft(new RequestBody(), null, null, new RequestProblems()).Draft(row, false);

            Assert.Single(request.Problems.Items);
            Assert.Equal("InvalidValue", request.Problems.Reason);
        }

        [Fact]
        public void Questions_interviews_and_webhooks_are_not_postings()
        {
            Assert.Contains("HeyMilo.Question, not a posting", PostingDraft.WhyNotAPosting(new Question()));
            Assert.NotNull(PostingDraft.WhyNotAPosting(new Webhook()));
            Assert.Null(PostingDraft.WhyNotAPosting(new Posting()));
            Assert.Null(PostingDraft.WhyNotAPosting(new PropertyBag()));
        }
    }
}
