using System;
using System.Collections.Generic;
using System.Text.Json;
using HeyMilo.Client.Json;

namespace HeyMilo.Export
{
    /// <summary>
    /// The JSON of an exported interview. By default the objects' own shape: the property names PowerShell
    /// shows (PascalCase) and ISO-8601 UTC dates, as in the CSV. With -Raw the API's shape (snake_case, Unix
    /// seconds): an interview listed for the export is written exactly as the API sent it, one piped in is
    /// written back the way the API sends it (known fields and the unknown ones it kept).
    /// </summary>
    internal static class InterviewJson
    {
        public static void Write(Utf8JsonWriter writer, InterviewBase interview, JsonElement? raw, bool apiShape)
        {
            if (apiShape)
            {
                if (raw is JsonElement element) element.WriteTo(writer);
                else WireShape(writer, interview);
                return;
            }
            writer.WriteStartObject();
            writer.WriteString("InterviewId", interview.InterviewId);
            Text(writer, "CandidateId", interview.CandidateId);
            writer.WriteString("PostingId", interview.PostingId);
            writer.WriteString("Name", interview.Name);
            writer.WriteString("Email", interview.Email);
            writer.WriteString("Status", interview.Status);
            if (interview.Score is double score) writer.WriteNumber("Score", score); else writer.WriteNull("Score");
            if (interview is Interview listed)
            {
                Text(writer, "InterviewUrl", listed.InterviewUrl);
                writer.WriteBoolean("Shortlisted", listed.Shortlisted);
                writer.WriteBoolean("Dismissed", listed.Dismissed);
                Date(writer, "CreatedAt", listed.CreatedAt);
                Date(writer, "InterviewedAt", listed.InterviewedAt);
                Plain(writer, "AgentSummary", listed.AgentSummary);
            }
            Workflow(writer, interview.Workflow);
            Plain(writer, "Metadata", interview.Metadata);
            Plain(writer, "Data", interview.Data);
            if (interview is InterviewData data)
            {
                Plain(writer, "WebInterview", data.WebInterview);
                Plain(writer, "Resume", data.Resume);
                Plain(writer, "Sms", data.Sms);
                Plain(writer, "Form", data.Form);
                Plain(writer, "CheatDetection", data.CheatDetection);
            }
            Text(writer, "ObjectType", interview.ObjectType);
            writer.WriteBoolean("Legacy", interview.Legacy);
            Plain(writer, "AdditionalProperties", interview.AdditionalProperties);
            writer.WriteEndObject();
        }

        /// <summary>The API's shape of an object (for interviews piped in with -Raw).</summary>
        private static void WireShape(Utf8JsonWriter writer, InterviewBase interview)
        {
            switch (interview)
            {
                case Interview listed:
                    JsonSerializer.Serialize(writer, listed, MiloJsonContext.Default.Interview);
                    break;
                case InterviewData data:
                    JsonSerializer.Serialize(writer, data, MiloJsonContext.Default.InterviewData);
                    break;
                default:
                    throw new ArgumentException("Unknown interview type " + interview.GetType().FullName + ".", nameof(interview));
            }
        }

        private static void Workflow(Utf8JsonWriter writer, InterviewWorkflow? workflow)
        {
            if (workflow is null)
            {
                writer.WriteNull("Workflow");
                return;
            }
            writer.WriteStartObject("Workflow");
            writer.WriteStartArray("Steps");
            foreach (var step in workflow.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("StepId", step.StepId);
                writer.WriteNumber("Order", step.Order);
                writer.WriteString("Status", step.Status);
                writer.WriteBoolean("Started", step.Started);
                writer.WriteBoolean("Completed", step.Completed);
                writer.WriteBoolean("KnockedOut", step.KnockedOut);
                Date(writer, "LastUpdatedAt", step.LastUpdatedAt);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteBoolean("AllComplete", workflow.AllComplete);
            Date(writer, "LastActivityAt", workflow.LastActivityAt);
            writer.WriteEndObject();
        }

        private static void Text(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null) writer.WriteNull(name); else writer.WriteString(name, value);
        }

        private static void Date(Utf8JsonWriter writer, string name, DateTimeOffset? value) => Text(writer, name, CsvSink.IsoUtc(value));

        private static void Plain(Utf8JsonWriter writer, string name, Dictionary<string, object?>? value)
        {
            writer.WritePropertyName(name);
            PlainValues.Write(writer, value);
        }
    }
}
