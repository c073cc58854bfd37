using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HeyMilo.Client.Requests;

namespace HeyMilo.Module
{
    /// <summary>
    /// The question fields New-MiloQuestion and Set-MiloQuestion both take, with the same limits (CreateQuestionRequest
    /// and UpdateQuestionRequest share them). The flags are declared by each cmdlet: switches when creating,
    /// $true/$false when changing.
    /// </summary>
    public abstract class QuestionFieldsCmdlet : MiloCmdlet
    {
        [Parameter]
        public string? EvaluationCriteria { get; set; }

        [Parameter]
        public string? ScoreOf1 { get; set; }

        [Parameter]
        public string? ScoreOf5 { get; set; }

        [Parameter]
        [ValidateRange(1, 10)]
        public int? ScoreWeight { get; set; }

        [Parameter]
        public string? QuestionType { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinFollowUps { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MaxFollowUps { get; set; }

        [Parameter]
        public string? AdditionalInstructions { get; set; }

        [Parameter]
        public string? PostProcessingEvaluationCriteria { get; set; }

        [Parameter]
        public string? ExpectedAnswer { get; set; }

        [Parameter]
        public long? ExpectedValue { get; set; }

        [Parameter]
        public object? Answer { get; set; }

        [Parameter]
        public IDictionary[]? DropdownValues { get; set; }

        [Parameter]
        public string? McqType { get; set; }

        [Parameter]
        public string? Operator { get; set; }

        [Parameter]
        public string[]? FileTypes { get; set; }

        [Parameter]
        public double? SliderMin { get; set; }

        [Parameter]
        public double? SliderMax { get; set; }

        [Parameter]
        public double? SliderStep { get; set; }

        [Parameter]
        [ValidateSet("text", "freeform", "date", "number")]
        public string? ResponseFormat { get; set; }

        [Parameter]
        public string? Instructions { get; set; }

        [Parameter]
        public string[]? Options { get; set; }

        [Parameter]
        public IDictionary? StructuredConfig { get; set; }

        /// <summary>The fields of <paramref name="rules"/> the command line binds, checked; terminates naming every problem.</summary>
        internal RequestBody BoundFields(IEnumerable<FieldRule> rules, string advice)
        {
            var body = new RequestBody();
            var problems = new RequestProblems();
            RequestInput.AddBound(body, rules, MyInvocation.BoundParameters, problems);
            if (problems.Count > 0) ThrowTerminatingError(MiloErrors.InvalidInput(problems, null, advice));
            return body;
        }
    }
}
