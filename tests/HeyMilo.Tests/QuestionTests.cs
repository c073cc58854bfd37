using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using HeyMilo.Simulator;
using HeyMilo.Tests.Infrastructure;
using Xunit;

namespace HeyMilo.Tests
{
    /// <summary>
    /// Get-, New-, Set-, Remove-MiloQuestion and Set-MiloQuestionOrder against the simulator, whose postings each
    /// have 13 seeded questions (3 voice, 2 sms, 2 form, 2 resume_eligibility, 2 resume_scoring, 2 voice_tags).
    /// </summary>
    public sealed class QuestionTests : MiloTestBase
    {
        private const string QuestionsSpec = "/api/v2/postings/{posting_id}/questions";
        private const string QuestionSpec = "/api/v2/postings/{posting_id}/questions/{question_id}";

        private string P(int i) => Sim.Data.PostingIds[i];

        /// <summary>qst_ + the posting's number (5 digits) + the sequence (3 digits).</summary>
        private string Q(int posting, int sequence) => $"qst_{posting + 1:D5}{sequence:D3}";

        private static string Prop(PSObject o, string name) => Convert.ToString(o.Properties[name].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

        [Fact]
        public void Get_MiloQuestion_streams_every_question_of_a_posting_in_the_APIs_order()
        {
            Connect();
            Ps.Set("id", P(1));
            var questions = Run("Get-MiloQuestion -PostingId $id -PageSize 5").ThrowIfTerminating().Output;
            Assert.Equal(13, questions.Count);
            Assert.All(questions, q => Assert.Equal("HeyMilo.Question", q.TypeNames[0]));
            Assert.Equal(new[] { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" }, questions.Select(q => Prop(q, "Modality")).Distinct().ToArray());
            Assert.Equal(3, Requests($"/api/v2/postings/{P(1)}/questions").Count);
            Assert.All(questions, q => Assert.Equal(Prop(q, "Id"), Prop(q, "QuestionId")));
        }

        [Fact]
        public void Modality_and_First_go_to_the_API()
        {
            Connect();
            Ps.Set("id", P(1));
            var voice = Run("Get-MiloQuestion $id -Modality Voice -First 2").ThrowIfTerminating().Output;
            Assert.Equal(new[] { Q(1, 1), Q(1, 2) }, voice.Select(q => Prop(q, "Id")).ToArray());
            var request = Assert.Single(Requests($"/api/v2/postings/{P(1)}/questions"));
            Assert.Contains("modality=voice", request.Query);
            Assert.Contains("limit=2", request.Query);
        }

        [Fact]
        public void Postings_piped_in_list_their_questions_and_questions_piped_in_are_read_again_by_id()
        {
            Connect();
            var listed = Run("Get-MiloPosting -First 2 | Get-MiloQuestion -Modality sms").ThrowIfTerminating().Output;
            Assert.Equal(new[] { P(0), P(0), P(1), P(1) }, listed.Select(q => Prop(q, "PostingId")).ToArray());

            Ps.Set("id", P(2));
            var again = Run("Get-MiloQuestion $id -Modality form | Get-MiloQuestion").ThrowIfTerminating().Output;
            Assert.Equal(new[] { Q(2, 6), Q(2, 7) }, again.Select(q => Prop(q, "Id")).ToArray());
            Assert.Equal(2, RequestContract.Matching(Sim, "GET", "/api/v2/postings/*/questions/*").Count);
        }

        [Fact]
        public void An_unknown_question_id_is_a_per_item_NotFound()
        {
            Connect();
            Ps.Set("id", P(1));
            Ps.Set("q", new[] { "qst_nope", Q(1, 1) });
            var result = Run("Get-MiloQuestion -PostingId $id -QuestionId $q");
            Assert.Equal(Q(1, 1), Prop(Assert.Single(result.Output), "Id"));
            TestErrors.Single(result, "NotFound", "GetMiloQuestionCommand", "qst_nope");
        }

        [Fact]
        public void New_MiloQuestion_sends_every_field_given_and_fits_the_document()
        {
            Connect();
            Ps.Set("id", P(1));
            var created = Assert.Single(Run(@"New-MiloQuestion -PostingId $id -Modality voice -Text 'Tell me about a hard bug.' -EvaluationCriteria 'Depth' `
                -ScoreOf1 'Vague' -ScoreOf5 'Precise' -ScoreWeight 10 -NotScored:$false -QuestionType scored -MinFollowUps 1 -MaxFollowUps 3 `
                -AdditionalInstructions 'Probe.' -PostProcessingEvaluationCriteria 'Whole answer.' -ExpectedAnswer yes -ExpectedValue 3 -IsDealbreaker `
                -Answer 5 -IsKnockout -DropdownValues @{ label = 'A'; value = 'a' }, @{ label = 'B'; value = 'b' } -IsAnswerMandated -McqType single `
                -Operator gte -FileTypes pdf, docx -AllowMultipleFiles -SliderMin 0 -SliderMax 10 -SliderStep 0.5 -ResponseFormat Date `
                -Instructions 'Extract it.' -Options morning, evening -StructuredConfig @{ depth = 2; tags = @('x') }").ThrowIfTerminating().Output);
            Assert.Equal("HeyMilo.Question", created.TypeNames[0]);
            Assert.Equal("voice", Prop(created, "Modality"));
            Assert.Equal(4, (int)created.Properties["Rank"].Value);

            var body = RequestContract.Valid(Assert.Single(RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions")), "POST", QuestionsSpec);
            Assert.Equal(30, body.EnumerateObject().Count());
            Assert.Equal("date", body.GetProperty("response_format").GetString());
            Assert.False(body.GetProperty("not_scored").GetBoolean());
            Assert.Equal(2, body.GetProperty("dropdown_values").GetArrayLength());
            Assert.Equal("[\"pdf\",\"docx\"]", body.GetProperty("file_types").GetRawText());
        }

        [Fact]
        public void Questions_piped_from_one_posting_are_copied_into_another_with_only_question_fields()
        {
            Connect();
            Ps.Set("from", P(1));
            Ps.Set("to", P(2));
            var copies = Run("Get-MiloQuestion -PostingId $from -Modality voice | New-MiloQuestion -PostingId $to").ThrowIfTerminating().Output;
            Assert.Equal(3, copies.Count);
            Assert.All(copies, q => Assert.Equal(P(2), Prop(q, "PostingId")));
            var posts = RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions");
            Assert.All(posts, p => Assert.Equal($"/api/v2/postings/{P(2)}/questions", p.Path));
            var first = RequestContract.Valid(posts[0], "POST", QuestionsSpec);
            Assert.Equal("Tell us about a project you are proud of.", first.GetProperty("text").GetString());
            Assert.Equal(5, first.GetProperty("score_weight").GetInt32());
            var names = RequestContract.Names(first);
            Assert.DoesNotContain("id", names);
            Assert.DoesNotContain("posting_id", names);
            Assert.DoesNotContain("rank", names);
        }

        [Fact]
        public void A_posting_piped_to_New_MiloQuestion_only_names_the_posting()
        {
            Connect();
            var created = Run("Get-MiloPosting -First 2 | New-MiloQuestion -Modality voice_tags -Text 'Notice period' -ResponseFormat text").ThrowIfTerminating().Output;
            Assert.Equal(new[] { P(0), P(1) }, created.Select(q => Prop(q, "PostingId")).ToArray());
            foreach (var post in RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions"))
                Assert.Equal(new[] { "modality", "text", "response_format" }, RequestContract.Names(RequestContract.Valid(post, "POST", QuestionsSpec)));
        }

        [Theory]
        [InlineData("-Modality video -Text 'Why?'", "ParameterArgumentValidationError")]
        [InlineData("-Modality voice -Text 'Why?' -ScoreWeight 11", "ParameterArgumentValidationError")]
        [InlineData("-Modality voice -Text 'Why?' -ScoreWeight 0", "ParameterArgumentValidationError")]
        [InlineData("-Modality voice_tags -Text 'Start' -ResponseFormat yaml", "ParameterArgumentValidationError")]
        [InlineData("-Modality voice -Text 'Why?' -MinFollowUps -1", "ParameterArgumentValidationError")]
        [InlineData("-Modality form -Text 'Pick' -DropdownValues @{ label = @('nested') }", "HeyMilo.InvalidValue")]
        public void Bad_question_input_is_refused_and_nothing_is_sent(string parameters, string errorId)
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("New-MiloQuestion -PostingId $id " + parameters);
            Assert.Equal(errorId + ",HeyMilo.Commands.NewMiloQuestionCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void A_piped_row_with_a_weight_out_of_range_is_reported_with_the_row_and_the_others_are_created()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run(@"[pscustomobject]@{ Modality = 'voice'; Text = 'One'; ScoreWeight = '3' },
                [pscustomobject]@{ Modality = 'voice'; Text = 'Two'; ScoreWeight = '12' } | New-MiloQuestion -PostingId $id");
            Assert.Equal("One", Prop(Assert.Single(result.Output), "Text"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.InvalidValue,HeyMilo.Commands.NewMiloQuestionCommand", error.FullyQualifiedErrorId);
            Assert.Equal("Two", Prop(PSObject.AsPSObject(error.TargetObject), "Text"));
            Assert.Single(RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions"));
        }

        [Fact]
        public void A_500_on_create_question_is_not_retried_but_a_429_is()
        {
            Connect();
            Ps.Set("id", P(1));
            Sim.Faults.Add("POST", $"/api/v2/postings/{P(1)}/questions", new Fault { Status = 500 });
            Assert.Equal("HeyMilo.ServerError,HeyMilo.Commands.NewMiloQuestionCommand",
                Assert.Single(Run("New-MiloQuestion $id voice 'Why?'").Errors).FullyQualifiedErrorId);
            Assert.Single(RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions"));

            Sim.Faults.Add("POST", $"/api/v2/postings/{P(1)}/questions", new Fault { Status = 429, RetryAfterSeconds = 1 });
            Assert.Single(Run("New-MiloQuestion $id voice 'Why?'").ThrowIfTerminating().Output);
            Assert.Equal(3, RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions").Count);
        }

        [Fact]
        public void Set_MiloQuestion_sends_only_the_parameters_bound_to_each_piped_question()
        {
            Connect();
            Ps.Set("id", P(1));
            var changed = Run("Get-MiloQuestion $id -Modality voice | Set-MiloQuestion -ScoreWeight 8 -NotScored $false -PassThru").ThrowIfTerminating().Output;
            Assert.Equal(3, changed.Count);
            Assert.All(changed, q => Assert.Equal(8, (int)q.Properties["ScoreWeight"].Value));
            var patches = RequestContract.Matching(Sim, "PATCH", "/api/v2/postings/*/questions/*");
            Assert.Equal(new[] { Q(1, 1), Q(1, 2), Q(1, 3) }.Select(q => $"/api/v2/postings/{P(1)}/questions/{q}"), patches.Select(p => p.Path));
            Assert.All(patches, p => Assert.Equal("{\"score_weight\":8,\"not_scored\":false}", RequestContract.Valid(p, "PATCH", QuestionSpec).GetRawText()));
        }

        [Fact]
        public void Set_MiloQuestion_without_a_field_is_refused_and_sends_nothing()
        {
            Connect();
            Ps.Set("id", P(1));
            Ps.Set("q", Q(1, 1));
            Assert.Equal("HeyMilo.NothingToUpdate,HeyMilo.Commands.SetMiloQuestionCommand", Run("Set-MiloQuestion $id $q").Terminating?.FullyQualifiedErrorId);
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void Remove_MiloQuestion_asks_once_per_question_and_deletes_those_confirmed()
        {
            Connect();
            var host = new RecordingHost { Answer = "No" };
            using var ps = new PsHost(host);
            ps.Set("id", P(1));
            ps.Invoke("Get-MiloQuestion $id -Modality sms | Remove-MiloQuestion").ThrowIfTerminating();
            Assert.Equal(2, host.Prompts.Count);
            Assert.Contains("Are you available to work weekends?", host.Prompts[0]);
            Assert.Empty(RequestContract.Writes(Sim));

            var removed = ps.Invoke("Get-MiloQuestion $id -Modality sms | Remove-MiloQuestion -Force -PassThru").ThrowIfTerminating().Output;
            Assert.Equal(2, removed.Count);
            Assert.Equal(2, RequestContract.Matching(Sim, "DELETE", "/api/v2/postings/*/questions/*").Count);
            Assert.Empty(ps.Invoke("Get-MiloQuestion $id -Modality sms").ThrowIfTerminating().Output);
        }

        [Fact]
        public void Removing_an_unknown_question_is_a_per_item_NotFound_with_the_question_as_TargetObject()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("$q = Get-MiloQuestion $id -Modality voice -First 1; $q | Remove-MiloQuestion -Confirm:$false; $q | Remove-MiloQuestion -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeyMilo.NotFound,HeyMilo.Commands.RemoveMiloQuestionCommand", error.FullyQualifiedErrorId);
            Assert.Equal("HeyMilo.Question", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
        }

        [Fact]
        public void Questions_piped_in_reverse_are_ordered_in_one_request()
        {
            Connect();
            Ps.Set("id", P(1));
            var result = Run("$q = @(Get-MiloQuestion $id -Modality voice); [array]::Reverse($q); $q | Set-MiloQuestionOrder -PassThru").ThrowIfTerminating();
            Assert.Equal(new[] { Q(1, 3), Q(1, 2), Q(1, 1) }, result.Output.Select(q => Prop(q, "Id")).ToArray());
            Assert.Equal(new[] { "1", "2", "3" }, result.Output.Select(q => Prop(q, "Rank")).ToArray());
            var body = RequestContract.Valid(Assert.Single(RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions/reorder")), "POST", QuestionsSpec + "/reorder");
            Assert.Equal($"{{\"modality\":\"voice\",\"order\":[\"{Q(1, 3)}\",\"{Q(1, 2)}\",\"{Q(1, 1)}\"]}}", body.GetRawText());
        }

        [Fact]
        public void Ids_given_as_QuestionId_are_ordered_and_the_API_names_what_is_missing()
        {
            Connect();
            Ps.Set("id", P(1));
            Ps.Set("ids", new[] { Q(1, 5), Q(1, 4) });
            Assert.Empty(Run("Set-MiloQuestionOrder -PostingId $id -Modality sms -QuestionId $ids").ThrowIfTerminating().Output);
            Ps.Set("ids", new[] { Q(1, 5) });
            var error = Assert.Single(Run("Set-MiloQuestionOrder $id sms $ids").Errors);
            Assert.Equal("HeyMilo.ValidationFailed,HeyMilo.Commands.SetMiloQuestionOrderCommand", error.FullyQualifiedErrorId);
            Assert.Contains(Q(1, 4), error.ToString());
        }

        [Theory]
        [InlineData("Get-MiloQuestion $id | Set-MiloQuestionOrder", "then")]
        [InlineData("Get-MiloQuestion $id -Modality voice | Set-MiloQuestionOrder -Modality sms", "not a sms question")]
        [InlineData("Set-MiloQuestionOrder $id voice -QuestionId $a, $a", "more than once")]
        public void A_mixed_or_repeated_order_is_refused_and_nothing_is_sent(string script, string mentioned)
        {
            Connect();
            Ps.Set("id", P(1));
            Ps.Set("a", Q(1, 1));
            var result = Run(script);
            Assert.Equal("HeyMilo.InvalidQuestionOrder,HeyMilo.Commands.SetMiloQuestionOrderCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Contains(mentioned, result.Terminating!.ToString());
            Assert.Empty(RequestContract.Writes(Sim));
        }

        [Fact]
        public void Reorder_is_retried_after_a_503_because_the_same_order_twice_changes_nothing()
        {
            Connect();
            Ps.Set("id", P(1));
            Sim.Faults.Add("POST", $"/api/v2/postings/{P(1)}/questions/reorder", new Fault { Status = 503 });
            Assert.Equal(3, Run("Get-MiloQuestion $id -Modality voice | Set-MiloQuestionOrder -PassThru").ThrowIfTerminating().Output.Count);
            Assert.Equal(2, RequestContract.Matching(Sim, "POST", "/api/v2/postings/*/questions/reorder").Count);
        }
    }
}
