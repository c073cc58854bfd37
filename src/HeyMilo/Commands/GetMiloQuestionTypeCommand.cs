using System;
using System.Management.Automation;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>Gets the question modalities the API knows (GET /api/v2/schemas/question-types): their step type, question formats and fields.</summary>
    [Cmdlet(VerbsCommon.Get, "MiloQuestionType")]
    [OutputType(typeof(QuestionType))]
    public sealed class GetMiloQuestionTypeCommand : MiloCmdlet
    {
        /// <summary>Only these modalities (wildcards allowed); a name without wildcards that matches nothing is a HeyMilo.NotFound error.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModalityCompleter))]
        public string[]? Modality { get; set; }

        /// <summary>Only the modalities of this step type (binds from Get-MiloAgentType's Type).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("agent_type", "Type")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StepTypeCompleter))]
        public string? AgentType { get; set; }

        private System.Collections.Generic.IReadOnlyList<QuestionType>? _modalities;
        private readonly System.Collections.Generic.HashSet<string> _written = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Read once per call; several step types from the pipeline filter the same registry.</summary>
        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (_modalities is null)
            {
                try
                {
                    _modalities = Run(ct => session.Client.GetQuestionTypesAsync(ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, AgentType);
                    return;
                }
            }
            var filter = new NameFilter(Modality);
            foreach (var modality in _modalities)
            {
                if (!filter.Matches(modality.Modality)) continue;
                if (AgentType != null && !string.Equals(modality.AgentType, AgentType, StringComparison.OrdinalIgnoreCase)) continue;
                if (_written.Add(modality.Modality)) WriteObject(modality);
            }
            foreach (var missing in filter.Unmatched())
                WriteError(MiloErrors.Create(new ItemNotFoundException($"The API knows no question modality '{missing}'."), "NotFound", ErrorCategory.ObjectNotFound, missing,
                    "Get-MiloQuestionType without -Modality lists every modality."));
        }
    }
}
