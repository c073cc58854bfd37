using System.Collections.Generic;
using System.Linq;
using HeyMilo.Client.Requests;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The posting request schemas as the document gives them, and how an update is told in a prompt.</summary>
    public class RequestRulesTests
    {
        [Fact]
        public void Create_and_update_posting_keep_the_documents_fields_in_order_with_their_own_limits()
        {
            var common = new[]
            {
                "interview_process_overview", "company_overview_delivery_mode", "job_overview_delivery_mode", "interview_process_overview_delivery_mode",
                "phone_number_id", "sender_email_id", "email_template_group_id", "design_template_group_id", "redirect_url", "scheduling_url",
                "deadline", "allow_sms_comms", "max_retakes", "retake_cooldown_days", "email_report_to_candidate", "metadata",
            };
            Assert.Equal(new[] { "title", "description", "interview_template_id", "name", "language", "interviewer_name", "instructions", "company_overview", "job_overview" }.Concat(common),
                RequestRules.CreatePosting.Select(r => r.Name));
            Assert.Equal(new[] { "title", "description", "name", "language", "interviewer_name", "instructions", "company_overview", "job_overview" }.Concat(common),
                RequestRules.UpdatePosting.Select(r => r.Name));

            FieldRule Rule(FieldRule[] rules, string name) => rules.Single(r => r.Name == name);
            Assert.True(Rule(RequestRules.CreatePosting, "title").Required);
            Assert.False(Rule(RequestRules.UpdatePosting, "title").Required);
            Assert.Null(Rule(RequestRules.CreatePosting, "description").MinLength);
            Assert.Equal(10, Rule(RequestRules.UpdatePosting, "description").MinLength);
            Assert.False(Rule(RequestRules.CreatePosting, "language").Nullable);
            Assert.Equal(100, Rule(RequestRules.UpdatePosting, "interviewer_name").MaxLength);
            Assert.Equal(5, Rule(RequestRules.UpdatePosting, "max_retakes").Maximum);
        }

        [Fact]
        public void A_question_inside_a_workflow_has_the_create_question_fields_with_its_own_limits_and_no_structured_config()
        {
            FieldRule Rule(string name) => RequestRules.WorkflowQuestion.Single(r => r.Name == name);
            Assert.Equal(RequestRules.CreateQuestion.Select(r => r.Name).Where(n => n != "structured_config"), RequestRules.WorkflowQuestion.Select(r => r.Name));
            Assert.Equal((0d, 5d), (Rule("score_weight").Minimum!.Value, Rule("score_weight").Maximum!.Value));
            Assert.Equal(5, Rule("min_follow_ups").Maximum);
            Assert.Equal(10, Rule("max_follow_ups").Maximum);
            Assert.Equal(5000, Rule("additional_instructions").MaxLength);
            Assert.Equal(5000, Rule("post_processing_evaluation_criteria").MaxLength);
            Assert.Null(Rule("response_format").Choices);
            Assert.Equal(10, RequestRules.CreateQuestion.Single(r => r.Name == "score_weight").Maximum);
            Assert.True(Rule("modality").Required);
        }

        [Fact]
        public void An_update_prompt_says_that_metadata_is_replaced_whole()
        {
            var body = new RequestBody();
            body.Set("title", "New");
            body.Set("metadata", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
            Assert.Equal("Update title; replace all metadata with 2 keys (keys not given are removed)", PostingUpdate.Describe(body));

            var clear = new RequestBody();
            clear.Set("metadata", new Dictionary<string, string>());
            Assert.Equal("Remove all metadata", PostingUpdate.Describe(clear));
        }

        [Fact]
        public void Metadata_values_become_invariant_text_and_a_nested_value_is_refused_as_metadata()
        {
            var rule = RequestRules.CreatePosting.Single(r => r.Name == "metadata");
            var body = new RequestBody();
            var problems = new RequestProblems();
            body.Add(rule, new Dictionary<string, object?> { ["level"] = 2.5, ["remote"] = true }, "-Metadata", problems);
            Assert.Empty(problems.Items);
            Assert.Equal(new Dictionary<string, string> { ["level"] = "2.5", ["remote"] = "true" }, body.Get("metadata"));

            body.Add(rule, new Dictionary<string, object?> { ["team"] = new Dictionary<string, object?>() }, "-Metadata", problems);
            Assert.Equal("-Metadata: the value of 'team' must be text, not a hashtable.", problems.Items.Single());
            Assert.Equal("InvalidMetadata", problems.Reason);
        }
    }
}
