using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Sets the display order of a posting's questions of one modality (POST …/questions/reorder). The API needs
    /// every active question of the modality, in the wanted order: as -QuestionId, or as question objects piped
    /// in that order (Get-MiloQuestion … | Sort-Object … | Set-MiloQuestionOrder). The ids are collected and sent
    /// in one request at the end. Sending the same order again changes nothing, so the request is retried like a read.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MiloQuestionOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Question))]
    public sealed class SetMiloQuestionOrderCommand : MiloCmdlet
    {
        private readonly List<string> _order = new List<string>();
        private readonly List<string> _problems = new List<string>();
        private string? _postingId;
        private string? _modality;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags")]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.ModalityCompleter))]
        public string Modality { get; set; } = string.Empty;

        /// <summary>Every active question of the modality, in the wanted order.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineInput(MiloObjects.Question, IdOf = MiloObjects.Question)]
        [Alias("question_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.QuestionIdCompleter))]
        public string[] QuestionId { get; set; } = Array.Empty<string>();

        /// <summary>Write the modality's questions in their new order.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object: a question must belong to the posting and modality being ordered.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(MiloObjects.Question)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var modality = RequestRules.Modality(Modality) ?? Modality;
            if (_postingId is null)
            {
                _postingId = PostingId;
                _modality = modality;
            }
            else if (_postingId != PostingId || _modality != modality)
            {
                Note($"Questions of one posting and modality are ordered at a time: {_modality} of posting {_postingId}, then {modality} of posting {PostingId}.");
            }
            if (InputObject?.BaseObject is Question question && (question.PostingId != _postingId || question.Modality != _modality))
                Note($"Question {question.Id} is a {question.Modality} question of posting {question.PostingId}, not a {_modality} question of posting {_postingId}.");
            _order.AddRange(QuestionId);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            foreach (var duplicate in _order.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
                Note($"Question {duplicate} is listed more than once.");
            if (_problems.Count > 0)
                ThrowTerminatingError(MiloErrors.InvalidInput("InvalidQuestionOrder", _problems, _order.ToArray(),
                    "List every active question of one modality once, in order: Get-MiloQuestion -PostingId <id> -Modality <modality> | Sort-Object … | Set-MiloQuestionOrder"));
            if (_postingId is null || _modality is null) return;

            var postingId = _postingId;
            var modality = _modality;
            if (!ShouldProcess($"posting {postingId}", $"Reorder its {modality} questions: {string.Join(", ", _order)}")) return;
            var session = RequireSession();
            IReadOnlyList<Question> questions;
            try
            {
                questions = Run(ct => session.Client.ReorderQuestionsAsync(postingId, modality, _order, ct));
            }
            catch (MiloApiException ex)
            {
                WriteFailure(ex, _order.ToArray());
                return;
            }
            if (PassThru) WriteObject(questions, enumerateCollection: true);
        }

        private void Note(string problem)
        {
            if (!_problems.Contains(problem)) _problems.Add(problem);
        }
    }
}
