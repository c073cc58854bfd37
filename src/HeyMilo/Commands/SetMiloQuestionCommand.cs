using System;
using System.Management.Automation;
using HeyMilo.Client.Requests;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Changes questions (PATCH /api/v2/postings/{id}/questions/{question_id}): only the parameters bound are sent;
    /// a field that does not apply to the question's modality is ignored by the API. The modality cannot change.
    /// Questions piped from Get-MiloQuestion bind -PostingId and -QuestionId by name.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MiloQuestion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Question))]
    public sealed class SetMiloQuestionCommand : QuestionFieldsCmdlet
    {
        private RequestBody _body = new RequestBody();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("posting_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.PostingIdCompleter))]
        public string PostingId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("question_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HeyMilo.Module.Completers.QuestionIdCompleter))]
        public string[] QuestionId { get; set; } = Array.Empty<string>();

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        [Parameter]
        public bool? NotScored { get; set; }

        [Parameter]
        public bool? IsDealbreaker { get; set; }

        [Parameter]
        public bool? IsKnockout { get; set; }

        [Parameter]
        public bool? IsAnswerMandated { get; set; }

        [Parameter]
        public bool? AllowMultipleFiles { get; set; }

        /// <summary>Write the changed question.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object (a question), for error records.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [PipelineInput(MiloObjects.Question)]
        public PSObject? InputObject { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _body = BoundFields(RequestRules.UpdateQuestion, "Correct the values named in the message; Get-Help Set-MiloQuestion -Parameter <name> shows each limit.");
            if (_body.Count == 0)
                ThrowTerminatingError(MiloErrors.Create(new ArgumentException("Name at least one field to change (for example -Text or -ScoreWeight). Nothing was sent."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, null, "Get-Help Set-MiloQuestion lists the fields a question has."));
        }

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            var piped = RequestInput.TargetOf(InputObject);
            foreach (var id in QuestionId)
            {
                if (!ShouldProcess($"question {id} of posting {PostingId}", "Update " + string.Join(", ", _body.Names))) continue;
                Question question;
                try
                {
                    question = Run(ct => session.Client.UpdateQuestionAsync(PostingId, id, _body, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, piped is string || piped is null ? id : piped);
                    continue;
                }
                if (PassThru) WriteObject(question);
            }
        }
    }
}
