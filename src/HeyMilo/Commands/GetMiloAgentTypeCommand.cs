using System;
using System.Management.Automation;
using HeyMilo.Module;
using HeyMilo.Module.Completers;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets the workflow step types the API knows (GET /api/v2/schemas/agents): for each, its question
    /// modalities and the config fields a step of that type takes.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloAgentType")]
    [OutputType(typeof(AgentType))]
    public sealed class GetMiloAgentTypeCommand : MiloCmdlet
    {
        /// <summary>Only these step types (wildcards allowed); a name without wildcards that matches nothing is a HeyMilo.NotFound error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("agent_type", "Step", "AgentType")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StepTypeCompleter))]
        public string[]? Type { get; set; }

        private System.Collections.Generic.IReadOnlyList<AgentType>? _agents;
        private readonly System.Collections.Generic.HashSet<string> _written = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The registry is read once per call; names from the pipeline filter the same copy.</summary>
        protected override void ProcessRecord()
        {
            var session = RequireSession();
            if (_agents is null)
            {
                try
                {
                    _agents = Run(ct => session.Client.GetAgentTypesAsync(ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, Type);
                    return;
                }
            }
            var filter = new NameFilter(Type);
            foreach (var agent in _agents)
                if (filter.Matches(agent.Type) && _written.Add(agent.Type)) WriteObject(agent);
            foreach (var missing in filter.Unmatched())
                WriteError(MiloErrors.Create(new ItemNotFoundException($"The API knows no step type '{missing}'."), "NotFound", ErrorCategory.ObjectNotFound, missing,
                    "Get-MiloAgentType without -Type lists every step type."));
        }
    }

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

    /// <summary>Get-Process-style name filtering: wildcards select, a plain name that matches nothing is reported.</summary>
    internal sealed class NameFilter
    {
        private readonly string[]? _names;
        private readonly WildcardPattern[] _patterns;
        private readonly bool[] _matched;

        public NameFilter(string[]? names)
        {
            _names = names;
            _patterns = names is null ? Array.Empty<WildcardPattern>() : Array.ConvertAll(names, n => new WildcardPattern(n, WildcardOptions.IgnoreCase));
            _matched = new bool[_patterns.Length];
        }

        public bool Matches(string value)
        {
            if (_names is null) return true;
            var any = false;
            for (var i = 0; i < _patterns.Length; i++)
            {
                if (!_patterns[i].IsMatch(value)) continue;
                _matched[i] = true;
                any = true;
            }
            return any;
        }

        public System.Collections.Generic.IEnumerable<string> Unmatched()
        {
            if (_names is null) yield break;
            for (var i = 0; i < _names.Length; i++)
                if (!_matched[i] && !WildcardPattern.ContainsWildcardCharacters(_names[i])) yield return _names[i];
        }
    }
}
