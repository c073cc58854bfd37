using System.Collections.Generic;

namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// What is wrong with a request's input, collected before anything is sent, and the reason it is reported
    /// under: HeyMilo.InvalidMetadata, else HeyMilo.InvalidWorkflow, else HeyMilo.InvalidValue.
    /// </summary>
    internal sealed class RequestProblems
    {
        public List<string> Items { get; } = new List<string>();
        public int Count => Items.Count;
        public bool InMetadata { get; private set; }
        public bool InWorkflow { get; private set; }

        public string Reason => InMetadata ? "InvalidMetadata" : InWorkflow ? "InvalidWorkflow" : "InvalidValue";

        public void Add(string problem) => Items.Add(problem);

        public void AddAboutWorkflow(string problem)
        {
            Items.Add(problem);
            InWorkflow = true;
        }

        /// <summary>Runs a check that adds to a plain list, and files what it adds as metadata or workflow problems.</summary>
        public T Check<T>(ProblemKind kind, System.Func<List<string>, T> check)
        {
            var before = Items.Count;
            var result = check(Items);
            if (Items.Count > before)
            {
                if (kind == ProblemKind.Metadata) InMetadata = true;
                else if (kind == ProblemKind.Workflow) InWorkflow = true;
            }
            return result;
        }
    }

    internal enum ProblemKind
    {
        Value,
        Metadata,
        Workflow,
    }
}
