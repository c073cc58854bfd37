using System;
using System.Globalization;
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
        Question = 16,
    }

    /// <summary>What one piped object is: its kind, its own id, and how a message names it.</summary>
    internal sealed class PipedKind
    {
        public PipedKind(MiloObjects kind, string? id, string description, bool checkedAtBinding)
        {
            Kind = kind;
            Id = id;
            Description = description;
            CheckedAtBinding = checkedAtBinding;
        }

        /// <summary>None for the module's objects that stand for nothing a cmdlet acts on (summaries, sessions, files).</summary>
        public MiloObjects Kind { get; }

        /// <summary>The object's own id (a posting's Id, an interview's InterviewId); null when it has none.</summary>
        public string? Id { get; }

        /// <summary>"an interview (int_… of posting pst_…)", for messages.</summary>
        public string Description { get; }

        /// <summary>
        /// Whether <see cref="PipelineInputAttribute"/> refuses it where its kind is not taken. False for the kinds that
        /// came later and still bind by property name at binding (docs/pipeline.md: questions, posting summaries and
        /// statistics are not in the matrix yet; Get-MiloQuestion reads a piped question again by its PostingId and Id).
        /// </summary>
        public bool CheckedAtBinding { get; }
    }

    /// <summary>
    /// The one answer to "what is this piped object?" (the rule: an object binds to what it is). Both moments that
    /// refuse an object of the wrong kind ask here: binding (<see cref="PipelineInputAttribute"/>, for each object
    /// before any parameter takes it) and the posting cmdlets' per-record check (<see cref="PostingTargetCmdlet"/>,
    /// which refuses, as HeyMilo.NotAPosting, an object that is not a posting but names one).
    /// </summary>
    internal static class MiloObjectKinds
    {
        /// <summary>The module's own objects, by type; null for anything else (strings, rows, hashtables, other .NET objects).</summary>
        public static PipedKind? Of(object value)
        {
            switch (value)
            {
                case Posting posting:
                    return new PipedKind(MiloObjects.Posting, posting.Id, $"a posting ({posting.Id})", checkedAtBinding: true);
                case PostingSummary summary:
                    return new PipedKind(MiloObjects.Posting, summary.Id, $"a posting ({summary.Id})", checkedAtBinding: false);
                case PostingStatistic statistic:
                    return new PipedKind(MiloObjects.Posting, statistic.PostingId, $"a posting's statistics ({statistic.PostingId})", checkedAtBinding: false);
                case InterviewBase interview:
                    return new PipedKind(MiloObjects.Interview, interview.InterviewId, $"an interview ({interview.InterviewId} of posting {interview.PostingId})", checkedAtBinding: true);
                case CandidateImportResult result:
                    return new PipedKind(MiloObjects.ImportResult, result.InterviewId, $"an import result (interview {result.InterviewId} of posting {result.PostingId})", checkedAtBinding: true);
                case Webhook webhook:
                    return new PipedKind(MiloObjects.Webhook, webhook.WebhookId, $"a webhook ({webhook.WebhookId} of posting {webhook.PostingId})", checkedAtBinding: true);
                case Question question:
                    return new PipedKind(MiloObjects.Question, question.Id, $"a question ({question.Id} of posting {question.PostingId})", checkedAtBinding: false);
                case CandidateImportSummary _:
                case MiloSession _:
                case ConnectionTestResult _:
                case FileSystemInfo _:
                    return new PipedKind(MiloObjects.None, null, "a " + value.GetType().FullName, checkedAtBinding: true);
                default:
                    return null;
            }
        }

        /// <summary>
        /// What a piped object is, the module's objects by type and any other by the id properties it carries (an
        /// Import-Csv row with InterviewId is an interview, one with QuestionId a question); null when it names no kind.
        /// </summary>
        public static PipedKind? Of(PSObject piped)
        {
            if (Of(piped.BaseObject) is PipedKind typed) return typed;
            foreach (var (kind, noun, article, names) in s_byProperty)
                foreach (var name in names)
                    if (piped.Properties[name] is PSPropertyInfo property)
                        return new PipedKind(kind, Convert.ToString(property.Value, CultureInfo.InvariantCulture),
                            $"{noun} (it has {article} {name} property)", checkedAtBinding: false);
            return null;
        }

        private static readonly (MiloObjects Kind, string Noun, string Article, string[] Names)[] s_byProperty =
        {
            (MiloObjects.Interview, "an interview", "an", new[] { "InterviewId", "interview_id" }),
            (MiloObjects.Question, "a question", "a", new[] { "QuestionId", "question_id" }),
        };
    }
}
