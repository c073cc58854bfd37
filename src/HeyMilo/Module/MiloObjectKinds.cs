using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>The kinds of object the module writes, as a parameter names what it takes from the pipeline.</summary>
    [Flags]
    internal enum MiloObjects
    {
        /// <summary>Also the kind of the module's objects that stand for nothing a cmdlet acts on (summaries, sessions, files).</summary>
        None = 0,
        /// <summary>Postings and posting summaries.</summary>
        Posting = 1 << 0,
        Interview = 1 << 1,
        ImportResult = 1 << 2,
        Webhook = 1 << 3,
        Question = 1 << 4,
        Ingestion = 1 << 5,
        Statistic = 1 << 6,
        InterviewMetadata = 1 << 7,
        InterviewTemplate = 1 << 8,
        EmailTemplate = 1 << 9,
        EmailTemplateGroup = 1 << 10,
        DesignTemplate = 1 << 11,
        DesignTemplateGroup = 1 << 12,
        Domain = 1 << 13,
        PhoneNumber = 1 << 14,
        SenderEmail = 1 << 15,
        Voice = 1 << 16,
        Workspace = 1 << 17,
        AgentType = 1 << 18,
        QuestionType = 1 << 19,
        AtsConnection = 1 << 20,
        AtsPushReceipt = 1 << 21,
        AtsPushStatus = 1 << 22,
        AtsCandidateMatch = 1 << 23,

        /// <summary>What belongs to one posting and names it by PostingId (what a posting read may take as its posting).</summary>
        OfAPosting = Interview | ImportResult | Webhook | Question | Ingestion | Statistic,
        /// <summary>What stands for one candidate (what may be looked up or pushed to an ATS as that candidate).</summary>
        Candidate = Interview | ImportResult | Ingestion | AtsCandidateMatch,
    }

    /// <summary>What one piped object is: its kind, its own id, and how a message names it.</summary>
    internal sealed class PipedKind
    {
        private readonly Func<string> _describe;

        /// <param name="describe">The message text, built only when a message needs it (binding asks for every piped object).</param>
        public PipedKind(MiloObjects kind, string? id, Func<string> describe)
        {
            Kind = kind;
            Id = id;
            _describe = describe;
        }

        /// <summary>None for the module's objects that stand for nothing a cmdlet acts on (summaries, sessions, files).</summary>
        public MiloObjects Kind { get; }

        /// <summary>
        /// The id a parameter taking this kind's id gets (a posting's Id, an interview's InterviewId, a statistic's
        /// PostingId, a push's ItemId, an agent type's Type); null when it has none.
        /// </summary>
        public string? Id { get; }

        /// <summary>"an interview (int_… of posting pst_…)", for messages.</summary>
        public string Description => _describe();
    }

    /// <summary>
    /// The one answer to "what is this piped object?" (the rule: an object binds to what it is). Both moments that
    /// refuse an object of the wrong kind ask here: binding (<see cref="PipelineInputAttribute"/>, for each object
    /// before any parameter takes it) and the posting cmdlets' per-record check (<see cref="PostingTargetCmdlet"/>,
    /// which refuses, as HeyMilo.NotAPosting, an object that is not a posting but names one).
    /// Every output type of the module is here (docs/pipeline.md, The full matrix; PipedObjectKindTests checks it).
    /// </summary>
    internal static class MiloObjectKinds
    {
        /// <summary>The module's own objects, by type; null for anything else (strings, rows, hashtables, other .NET objects).</summary>
        public static PipedKind? Of(object value)
        {
            switch (value)
            {
                case Posting posting:
                    return new PipedKind(MiloObjects.Posting, posting.Id, () => $"a posting ({posting.Id})");
                case PostingSummary summary:
                    return new PipedKind(MiloObjects.Posting, summary.Id, () => $"a posting ({summary.Id})");
                case PostingStatistic statistic:
                    return new PipedKind(MiloObjects.Statistic, statistic.PostingId, () => $"a posting's statistics ({statistic.PostingId})");
                case InterviewBase interview:
                    return new PipedKind(MiloObjects.Interview, interview.InterviewId, () => $"an interview ({interview.InterviewId} of posting {interview.PostingId})");
                case CandidateImportResult result:
                    return new PipedKind(MiloObjects.ImportResult, result.InterviewId, () => $"an import result (interview {result.InterviewId} of posting {result.PostingId})");
                case Webhook webhook:
                    return new PipedKind(MiloObjects.Webhook, webhook.WebhookId, () => $"a webhook ({webhook.WebhookId} of posting {webhook.PostingId})");
                case Question question:
                    return new PipedKind(MiloObjects.Question, question.Id, () => $"a question ({question.Id} of posting {question.PostingId})");
                case CandidateIngestion ingestion:
                    return new PipedKind(MiloObjects.Ingestion, ingestion.IngestionId, () => $"a candidate ingestion ({ingestion.IngestionId} of posting {ingestion.PostingId})");
                case InterviewMetadata metadata:
                    return new PipedKind(MiloObjects.InterviewMetadata, metadata.InterviewId, () => $"an interview's metadata ({metadata.InterviewId})");
                case InterviewTemplate template:
                    return new PipedKind(MiloObjects.InterviewTemplate, template.Id, () => $"an interview template ({template.Id})");
                case EmailTemplate template:
                    return new PipedKind(MiloObjects.EmailTemplate, template.Id, () => $"an email template ({template.Id})");
                case EmailTemplateGroup group:
                    return new PipedKind(MiloObjects.EmailTemplateGroup, group.Id, () => $"an email template group ({group.Id})");
                case DesignTemplate template:
                    return new PipedKind(MiloObjects.DesignTemplate, template.Id, () => $"a design template ({template.Id})");
                case DesignTemplateGroup group:
                    return new PipedKind(MiloObjects.DesignTemplateGroup, group.Id, () => $"a design template group ({group.Id})");
                case CustomDomain domain:
                    return new PipedKind(MiloObjects.Domain, domain.Id, () => $"a custom domain ({domain.Id})");
                case PhoneNumber number:
                    return new PipedKind(MiloObjects.PhoneNumber, number.Id, () => $"a phone number ({number.Id})");
                case SenderEmail sender:
                    return new PipedKind(MiloObjects.SenderEmail, sender.Id, () => $"a sender email ({sender.Id})");
                case Voice voice:
                    return new PipedKind(MiloObjects.Voice, voice.Id, () => $"a voice ({voice.Id})");
                case Workspace workspace:
                    return new PipedKind(MiloObjects.Workspace, workspace.Id, () => $"a workspace ({workspace.Id})");
                case AgentType agent:
                    return new PipedKind(MiloObjects.AgentType, agent.Type, () => $"an agent type ({agent.Type})");
                case QuestionType type:
                    return new PipedKind(MiloObjects.QuestionType, type.Modality, () => $"a question type ({type.Modality} of {type.AgentType})");
                case AtsConnection connection:
                    return new PipedKind(MiloObjects.AtsConnection, connection.IntegrationId, () => $"an ATS connection ({connection.IntegrationId})");
                case AtsPushReceipt receipt:
                    return new PipedKind(MiloObjects.AtsPushReceipt, receipt.ItemId, () => $"an ATS push receipt ({receipt.ItemId})");
                case AtsPushStatus status:
                    return new PipedKind(MiloObjects.AtsPushStatus, status.ItemId, () => $"an ATS push status ({status.ItemId})");
                case AtsCandidateMatch match:
                    return new PipedKind(MiloObjects.AtsCandidateMatch, match.AtsCandidateId, () => $"an ATS candidate ({match.AtsCandidateId} in {match.AtsName})");
                case CandidateImportSummary _:
                case MiloSession _:
                case ConnectionTestResult _:
                case FileSystemInfo _:
                    return new PipedKind(MiloObjects.None, null, () => "a " + value.GetType().FullName);
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
                            () => $"{noun} (it has {article} {name} property)");
            return null;
        }

        /// <summary>"postings, interviews and ids": the kinds a parameter takes, as a message names them.</summary>
        public static string Describe(MiloObjects kinds)
        {
            var names = new List<string>();
            foreach (var (kind, plural) in s_plurals)
                if ((kinds & kind) != 0) names.Add(plural);
            if (names.Count == 0) return "ids and rows of properties (Import-Csv, [pscustomobject]), no object of the module";
            names.Add("ids");
            return string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
        }

        private static readonly (MiloObjects Kind, string Noun, string Article, string[] Names)[] s_byProperty =
        {
            (MiloObjects.Interview, "an interview", "an", new[] { "InterviewId", "interview_id" }),
            (MiloObjects.Question, "a question", "a", new[] { "QuestionId", "question_id" }),
        };

        private static readonly (MiloObjects Kind, string Plural)[] s_plurals =
        {
            (MiloObjects.Posting, "postings"), (MiloObjects.Interview, "interviews"), (MiloObjects.ImportResult, "import results"),
            (MiloObjects.Webhook, "webhooks"), (MiloObjects.Question, "questions"), (MiloObjects.Ingestion, "candidate ingestions"),
            (MiloObjects.Statistic, "posting statistics"), (MiloObjects.InterviewMetadata, "interview metadata"),
            (MiloObjects.InterviewTemplate, "interview templates"), (MiloObjects.EmailTemplate, "email templates"),
            (MiloObjects.EmailTemplateGroup, "email template groups"), (MiloObjects.DesignTemplate, "design templates"),
            (MiloObjects.DesignTemplateGroup, "design template groups"), (MiloObjects.Domain, "custom domains"),
            (MiloObjects.PhoneNumber, "phone numbers"), (MiloObjects.SenderEmail, "sender emails"), (MiloObjects.Voice, "voices"),
            (MiloObjects.Workspace, "workspaces"), (MiloObjects.AgentType, "agent types"), (MiloObjects.QuestionType, "question types"),
            (MiloObjects.AtsConnection, "ATS connections"), (MiloObjects.AtsPushReceipt, "ATS push receipts"),
            (MiloObjects.AtsPushStatus, "ATS push statuses"), (MiloObjects.AtsCandidateMatch, "ATS candidates"),
        };
    }
}
