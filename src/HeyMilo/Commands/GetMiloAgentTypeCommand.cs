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
        [PipelineInput(MiloObjects.AgentType | MiloObjects.QuestionType, IdOf = MiloObjects.AgentType)]
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
}
