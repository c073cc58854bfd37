using System.Linq;
using HeyMilo.Client.Requests;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>The create-question rules without PowerShell.</summary>
    public class QuestionDraftTests
    {
        [Fact]
        public void A_question_needs_a_modality_and_its_text()
        {
            var request = new QuestionDraft(new RequestBody()).Draft("post_1", null);

            Assert.Equal(new[]
            {
                "A question needs a modality: give -Modality (voice, sms, form, resume_eligibility, resume_scoring, voice_tags).",
                "A question needs its text: give -Text.",
            }, request.Problems.Items);
            Assert.Equal("InvalidValue", request.Problems.Reason);
        }

        [Fact]
        public void A_piped_question_supplies_the_fields_not_given()
        {
            var given = new RequestBody();
            given.Add(RequestRules.CreateQuestion.Single(r => r.Name == "score_weight"), 7, "-ScoreWeight", new RequestProblems());
            var piped = new PropertyBag { ["Modality"] = "VOICE", ["Text"] = "Why this role?", ["score_weight"] = 2, ["Id"] = "q_1" };

            var request = new QuestionDraft(given).Draft("post_1", piped);

            Assert.Empty(request.Problems.Items);
            Assert.Equal(new[] { "score_weight", "modality", "text" }, request.Body.Names);
            Assert.Equal(7L, request.Body.Get("score_weight"));
            Assert.Equal("voice", request.Body.Get("modality"));
            Assert.Equal("posting post_1", request.Target);
            Assert.Equal("Add voice question 'Why this role?'", request.Action);
        }

        [Fact]
        public void A_long_text_is_shortened_to_sixty_characters_in_the_prompt()
        {
            var text = new string('x', 61);
            Assert.Equal(new string('x', 57) + "...", QuestionDraft.Short(text));
            Assert.Equal(new string('x', 60), QuestionDraft.Short(new string('x', 60)));
        }

        [Fact]
        public void Postings_only_name_the_posting_and_webhooks_are_refused()
        {
            Assert.True(QuestionDraft.NamesOnlyThePosting(new Posting()));
            Assert.True(QuestionDraft.NamesOnlyThePosting(new PostingSummary()));
            Assert.True(QuestionDraft.NamesOnlyThePosting(new PostingStatistic()));
            Assert.False(QuestionDraft.NamesOnlyThePosting(new Question()));
            Assert.Contains("HeyMilo.Webhook, not a question", QuestionDraft.WhyNotAQuestion(new Webhook()));
            Assert.Null(QuestionDraft.WhyNotAQuestion(new Question()));
        }
    }
}
