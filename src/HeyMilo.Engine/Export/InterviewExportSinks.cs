using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HeyMilo.Client.Json;
using HeyMilo.Export;

namespace HeyMilo.Export
{
    /// <summary>The file formats the export writers produce (the cmdlet's InterviewExportFormat maps onto these).</summary>
    internal enum ExportFileFormat
    {
        Json,
        JsonLines,
        Csv,
    }
}

namespace HeyMilo.Export
{
    /// <summary>Writes exported interviews to a stream one at a time (constant memory). Pipeline thread only.</summary>
    internal abstract class InterviewExportSink : IDisposable
    {
        /// <param name="escapeFormulas">CSV only: neutralise cells a spreadsheet would run as formulas (see <see cref="CsvSink.Cell"/>).</param>
        /// <param name="apiShape">JSON only: the API's shape (-Raw) instead of the objects' (see <see cref="InterviewJson"/>).</param>
        public static InterviewExportSink Create(ExportFileFormat format, Stream stream, Action<string> warn, bool escapeFormulas = true, bool apiShape = false) =>
            format switch
            {
                ExportFileFormat.Json => new JsonArraySink(stream, apiShape),
                ExportFileFormat.JsonLines => new JsonLinesSink(stream, apiShape),
                _ => new CsvSink(stream, warn, escapeFormulas),
            };

        /// <summary>JSON written to files: readable non-ASCII (no \u escapes); the file is data, not HTML.</summary>
        protected static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        /// <summary>Writes one interview; <paramref name="raw"/> is what the API sent for it, when it was listed for this export.</summary>
        public abstract void Write(InterviewBase interview, JsonElement? raw);

        /// <summary>Writes what closes the file (the array's ']', buffered CSV rows) and flushes.</summary>
        public abstract void Complete();

        public virtual void Dispose()
        {
        }
    }

    internal sealed class JsonArraySink : InterviewExportSink
    {
        private readonly Utf8JsonWriter _writer;
        private readonly bool _apiShape;

        public JsonArraySink(Stream stream, bool apiShape)
        {
            _apiShape = apiShape;
            _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Encoder });
            _writer.WriteStartArray();
        }

        public override void Write(InterviewBase interview, JsonElement? raw)
        {
            InterviewJson.Write(_writer, interview, raw, _apiShape);
            if (_writer.BytesPending > 64 * 1024) _writer.Flush();
        }

        public override void Complete()
        {
            _writer.WriteEndArray();
            _writer.Flush();
        }

        public override void Dispose() => _writer.Dispose();
    }

    internal sealed class JsonLinesSink : InterviewExportSink
    {
        private readonly Stream _stream;
        private readonly Utf8JsonWriter _writer;
        private readonly bool _apiShape;

        public JsonLinesSink(Stream stream, bool apiShape)
        {
            _apiShape = apiShape;
            _stream = stream;
            _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = Encoder });
        }

        public override void Write(InterviewBase interview, JsonElement? raw)
        {
            InterviewJson.Write(_writer, interview, raw, _apiShape);
            _writer.Flush();
            _stream.WriteByte((byte)'\n');
            _writer.Reset(_stream);
        }

        public override void Complete() => _writer.Flush();

        public override void Dispose() => _writer.Dispose();
    }

    /// <summary>
    /// Flattened CSV (RFC 4180: CRLF, fields with comma, quote or line break quoted, quotes doubled),
    /// UTF-8 without BOM, dates ISO-8601 UTC. Columns: <see cref="FixedColumns"/>, then Step1Status …
    /// StepNStatus where N is the most workflow steps among the first <see cref="HeaderSample"/>
    /// interviews (the first page). Later interviews with more steps keep only the first N (one warning).
    /// Text cells are safe to open in Excel by default (OWASP "CSV injection"): see <see cref="Cell"/>.
    /// </summary>
    internal sealed class CsvSink : InterviewExportSink
    {
        public static readonly string[] FixedColumns =
        {
            "PostingId", "InterviewId", "CandidateId", "Name", "Email", "Status", "Score", "CreatedAt", "InterviewedAt", "InterviewUrl",
        };

        public const int HeaderSample = 100;

        private readonly StreamWriter _writer;
        private readonly Action<string> _warn;
        private List<InterviewBase>? _sample = new List<InterviewBase>();
        private int _stepColumns;
        private bool _warned;

        private readonly bool _escapeFormulas;

        public CsvSink(Stream stream, Action<string> warn, bool escapeFormulas = true)
        {
            _escapeFormulas = escapeFormulas;
            _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
            _warn = warn;
        }

        public override void Write(InterviewBase row, JsonElement? raw)
        {
            if (_sample != null)
            {
                _sample.Add(row);
                if (_sample.Count >= HeaderSample) FlushSample();
                return;
            }
            WriteRow(row);
        }

        public override void Complete()
        {
            FlushSample();
            _writer.Flush();
        }

        public override void Dispose() => _writer.Dispose();

        private void FlushSample()
        {
            if (_sample is null) return;
            var sample = _sample;
            _sample = null;
            _stepColumns = sample.Count == 0 ? 0 : sample.Max(i => i.Workflow?.Steps.Length ?? 0);
            var header = FixedColumns.Concat(Enumerable.Range(1, _stepColumns).Select(n => "Step" + n.ToString(CultureInfo.InvariantCulture) + "Status"));
            _writer.WriteLine(string.Join(",", header.Select(Quote)));
            foreach (var row in sample) WriteRow(row);
        }

        private void WriteRow(InterviewBase i)
        {
            var steps = (i.Workflow?.Steps ?? Array.Empty<InterviewStep>()).OrderBy(s => s.Order).ToArray();
            if (steps.Length > _stepColumns && !_warned)
            {
                _warned = true;
                _warn($"Interview {i.InterviewId} has {steps.Length} workflow steps but the CSV has {_stepColumns} step columns (fixed by the first page); extra steps are left out. Export to JSON to keep every step.");
            }
            var listed = i as Interview;
            var fields = new List<string?>
            {
                Cell(i.PostingId), Cell(i.InterviewId), Cell(i.CandidateId), Cell(i.Name), Cell(i.Email), Cell(i.Status),
                i.Score?.ToString("R", CultureInfo.InvariantCulture),
                IsoUtc(listed?.CreatedAt), IsoUtc(listed?.InterviewedAt), Cell(listed?.InterviewUrl),
            };
            for (var n = 0; n < _stepColumns; n++) fields.Add(n < steps.Length ? Cell(steps[n].Status) : null);
            _writer.WriteLine(string.Join(",", fields.Select(Quote)));
        }

        /// <summary>
        /// A text cell as written: by default control characters other than tab, CR and LF are removed, and a
        /// cell that starts with '=', '+', '-', '@', a tab or a CR (what Excel and others run as a formula)
        /// gets a leading apostrophe, as OWASP recommends. With escaping off (-NoFormulaEscape) the value is raw.
        /// Numbers and dates the module formats itself are not text cells.
        /// </summary>
        internal string? Cell(string? value) => _escapeFormulas ? Neutralise(value) : value;

        internal static string? Neutralise(string? value)
        {
            if (string.IsNullOrEmpty(value)) return value;
            var text = value!;
            if (text.IndexOfAny(ControlCharacters) >= 0)
                text = new string(text.Where(c => !IsStrippedControl(c)).ToArray());
            if (text.Length > 0 && FormulaStarts.IndexOf(text[0]) >= 0) text = "'" + text;
            return text;
        }

        private const string FormulaStarts = "=+-@\t\r";

        private static readonly char[] ControlCharacters = Enumerable.Range(0, 0x20).Select(c => (char)c).Concat(new[] { (char)0x7F })
            .Where(IsStrippedControl).ToArray();

        private static bool IsStrippedControl(char c) => (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == (char)0x7F;

        internal static string? IsoUtc(DateTimeOffset? value) =>
            value?.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFF'Z'", CultureInfo.InvariantCulture);

        internal static string Quote(string? field)
        {
            if (string.IsNullOrEmpty(field)) return string.Empty;
            if (field!.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0) return field;
            return "\"" + field.Replace("\"", "\"\"") + "\"";
        }
    }
}
