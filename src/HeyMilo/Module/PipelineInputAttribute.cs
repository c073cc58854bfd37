using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>The kinds of object the module writes, as a parameter names what it takes from the pipeline.</summary>
    [Flags]
    internal enum MiloObjects
    {
        None = 0,
        Posting = 1,
        Interview = 2,
        ImportResult = 4,
        Webhook = 8,
    }

    /// <summary>
    /// Objects bind to what they are. PowerShell binds a pipeline object to the first parameter that fits,
    /// so an interview (which carries a PostingId) would bind a cmdlet's -PostingId and act on its posting
    /// once per interview. On a parameter that takes pipeline input by value, this attribute sees each object
    /// first: an object of the module that is not one of the kinds the parameter takes is refused there
    /// (ParameterArgumentTransformationError, for that object only, before any request); with
    /// <see cref="IdOf"/> an object of that kind becomes its id (a Posting its Id). On a typed parameter the
    /// kinds are all those the cmdlet takes: an object let through but of another type binds elsewhere. Strings and objects
    /// from outside the module (Import-Csv rows, hashtables) pass unchanged and bind by property name as usual.
    /// The whole matrix is in docs/pipeline.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PipelineInputAttribute : ArgumentTransformationAttribute
    {
        public PipelineInputAttribute(MiloObjects takes) => Takes = takes;

        public MiloObjects Takes { get; }

        /// <summary>For a string id parameter: the kind whose objects become their id (a Posting its Id).</summary>
        public MiloObjects IdOf { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is string || value is ValueType) return inputData;
            if (value is IList list && !(value is IDictionary))
            {
                List<object?>? mapped = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = Transform(engineIntrinsics, list[i]);
                    if (ReferenceEquals(item, list[i])) continue;
                    mapped ??= new List<object?>(Cast(list));
                    mapped[i] = item;
                }
                return mapped is null ? inputData : mapped.ToArray();
            }
            var kind = KindOf(value, out var name, out var id);
            if (kind is null) return inputData;
            if ((Takes & kind.Value) == 0)
                throw new ArgumentTransformationMetadataException(
                    $"A {name} cannot be piped to this parameter: it takes {Describe(Takes)}. To use one of its ids, pass it by name (for example -PostingId $_.PostingId).");
            return IdOf != MiloObjects.None && kind.Value == IdOf && id != null ? id : inputData;
        }

        /// <summary>The module's own objects; null for anything else (strings, rows, hashtables).</summary>
        private static MiloObjects? KindOf(object value, out string name, out string? id)
        {
            id = null;
            name = value.GetType().FullName ?? value.GetType().Name;
            switch (value)
            {
                case Posting posting:
                    id = posting.Id;
                    return MiloObjects.Posting;
                case InterviewBase interview:
                    id = interview.InterviewId;
                    return MiloObjects.Interview;
                case CandidateImportResult result:
                    id = result.InterviewId;
                    return MiloObjects.ImportResult;
                case Webhook webhook:
                    id = webhook.WebhookId;
                    return MiloObjects.Webhook;
                case CandidateImportSummary _:
                case MiloSession _:
                case ConnectionTestResult _:
                case FileSystemInfo _:
                    return MiloObjects.None;
                default:
                    return null;
            }
        }

        private static string Describe(MiloObjects takes)
        {
            var names = new List<string>();
            if ((takes & MiloObjects.Posting) != 0) names.Add("postings");
            if ((takes & MiloObjects.Interview) != 0) names.Add("interviews");
            if ((takes & MiloObjects.ImportResult) != 0) names.Add("import results");
            if ((takes & MiloObjects.Webhook) != 0) names.Add("webhooks");
            names.Add("ids");
            return string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
        }

        private static IEnumerable<object?> Cast(IList list)
        {
            foreach (var item in list) yield return item;
        }
    }
}
