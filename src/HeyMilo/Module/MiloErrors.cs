using System;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>
    /// The one place that turns failures into ErrorRecords: a stable FullyQualifiedErrorId
    /// ("HeyMilo.&lt;Reason&gt;"), a category, the user's input as TargetObject, and ErrorDetails with
    /// the API's message and a RecommendedAction.
    /// </summary>
    internal static class MiloErrors
    {
        /// <summary>The generic advice when an unsafe request may have been carried out: never "run the command again".</summary>
        public const string MayHaveHappenedAction =
            "The server may have carried out the request before it failed. Check whether it took effect before running the command again: running it again could do it twice.";

        /// <param name="ifItMayHaveHappened">
        /// For a request that is not idempotent and may have been carried out (<see cref="MiloApiException.OutcomeUnknown"/>):
        /// how to find out whether it was, with the ids that find it. Replaces the usual "run it again".
        /// </param>
        public static ErrorRecord FromException(Exception exception, object? target, string? ifItMayHaveHappened = null)
        {
            if (exception is MiloApiException api) return FromApi(api, target, ifItMayHaveHappened);
            if (exception is HeyMilo.Export.ExportException export)
                return Create(export, export.Reason, (ErrorCategory)Enum.Parse(typeof(ErrorCategory), export.Category.ToString()), export.Target ?? target, export.Action);
            var record = new ErrorRecord(exception, "HeyMilo.UnexpectedError", ErrorCategory.NotSpecified, target);
            record.ErrorDetails = new ErrorDetails(exception.Message)
            {
                RecommendedAction = "This is unexpected; run the command again with -Debug and report the output (secrets are redacted).",
            };
            return record;
        }

        private static string ResetText(MiloApiException ex) =>
            ex.RateLimitResetAt is DateTimeOffset at
                ? " at " + at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + (ex.RetryAfter is TimeSpan w ? $" (in {w.TotalSeconds:0} s)" : string.Empty)
                : ex.RetryAfter is TimeSpan wait ? $" in {wait.TotalSeconds:0} s" : string.Empty;

        public static ErrorRecord NotConnected() =>
            Create(new InvalidOperationException("You are not connected to HeyMilo. Run Connect-Milo first, or pass a session with -Session."),
                "NotConnected", ErrorCategory.InvalidOperation, null,
                "Run Connect-Milo -ApiKey (Read-Host -AsSecureString 'HeyMilo API key'), or set $env:HEYMILO_API_KEY and run Connect-Milo.");

        public static ErrorRecord SessionClosed(MiloSession session) =>
            Create(new InvalidOperationException($"The session {session} was closed by Disconnect-Milo."),
                "SessionClosed", ErrorCategory.InvalidOperation, session, "Run Connect-Milo to open a new session.");

        /// <summary>An interview or import result piped to a listing parameter set: it is not listed as its posting.</summary>
        public static ErrorRecord NotAPosting(object interview) =>
            Create(new ArgumentException($"The piped {interview.GetType().FullName} is an interview, not a posting: with -Status, -CreatedAfter, -CreatedBefore, -Detailed or -Legacy listing it would list its whole posting once per object."),
                "NotAPosting", ErrorCategory.InvalidArgument, interview,
                "Pipe postings to list them, or drop the listing parameters to use the interviews themselves (to list their posting, pass -PostingId $_.PostingId).");

        /// <summary>-CreatedBefore earlier than -CreatedAfter: no interview can match (null when the range is fine).</summary>
        public static ErrorRecord? InvalidDateRange(DateTimeOffset? after, DateTimeOffset? before) =>
            after is DateTimeOffset a && before is DateTimeOffset b && b < a
                ? Create(new ArgumentException($"-CreatedBefore ({HeyMilo.Client.HeyMiloClient.ApiTimestamp(b)}) is earlier than -CreatedAfter ({HeyMilo.Client.HeyMiloClient.ApiTimestamp(a)}); no interview can match."),
                    "InvalidDateRange", ErrorCategory.InvalidArgument, b, "Swap the two dates, or drop one of them.")
                : null;

        public static ErrorRecord Create(Exception exception, string reason, ErrorCategory category, object? target, string? recommendedAction)
        {
            var record = new ErrorRecord(exception, "HeyMilo." + reason, category, target);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
            return record;
        }

        /// <summary>Input that breaks the request schema (found before anything is sent): every problem in one message.</summary>
        public static ErrorRecord InvalidInput(HeyMilo.Client.Requests.RequestProblems problems, object? target, string recommendedAction) =>
            InvalidInput(problems.Reason, problems.Items, target, recommendedAction);

        public static ErrorRecord InvalidInput(string reason, System.Collections.Generic.IReadOnlyList<string> problems, object? target, string recommendedAction) =>
            Create(new ArgumentException(string.Join(" ", problems) + " Nothing was sent."), reason, ErrorCategory.InvalidArgument, target, recommendedAction);

        /// <summary>A failure of the request that carried a row, told for that row: "Row N: " before the API's message.</summary>
        public static ErrorRecord ForRow(Exception exception, object? target, long rowNumber, string? meaning = null)
        {
            var record = FromException(exception, target);
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, "Data row {0}: {1}", rowNumber, exception.Message);
            record.ErrorDetails = new ErrorDetails(meaning is null ? message : message + Environment.NewLine + meaning)
            {
                RecommendedAction = meaning ?? record.ErrorDetails?.RecommendedAction,
            };
            return record;
        }

        /// <summary>Whether no further call of this invocation can succeed (bad key): the cmdlet stops instead of failing item by item.</summary>
        public static bool IsFatal(Exception exception) => exception is MiloApiException api && api.StatusCode == 401;

        private static ErrorRecord FromApi(MiloApiException ex, object? target, string? ifItMayHaveHappened)
        {
            var (reason, category, action) = Classify(ex);
            var message = ex.Message;
            if (ex.OutcomeUnknown)
            {
                // Same id and category as any timeout, network error or 5xx; only what to do differs.
                action = ifItMayHaveHappened ?? MayHaveHappenedAction;
                message += Environment.NewLine + "The request was not repeated: it is not idempotent and the server may have carried it out. " + action;
            }
            var record = new ErrorRecord(ex, "HeyMilo." + reason, category, target);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
            return record;
        }

        /// <summary>The cmdlet that lists what the failed request's path names (api/v2/webhooks/… → Get-MiloWebhook).</summary>
        private static string ListingFor(string path)
        {
            var segments = path.Split(new[] { '/', '?' }, StringSplitOptions.RemoveEmptyEntries);
            var resource = Array.FindIndex(segments, s => s == "v2") is var v2 && v2 >= 0 && v2 + 1 < segments.Length
                ? segments[v2 + 1]
                : segments.Length > 0 ? segments[0] : string.Empty;
            switch (resource)
            {
                case "webhooks":
                case "create":
                case "fetch":
                case "all":
                case "deactivate":
                    return "Get-MiloWebhook";
                case "interviews":
                case "interview":
                    return "Get-MiloInterview";
                default:
                    return "Get-MiloPosting";
            }
        }

        private static (string Reason, ErrorCategory Category, string Action) Classify(MiloApiException ex)
        {
            switch (ex.Kind)
            {
                case MiloFailureKind.Network:
                    return ("NetworkError", ErrorCategory.ConnectionError,
                        "Check network access to the HeyMilo API (proxy, firewall, DNS), then run the command again.");
                case MiloFailureKind.Timeout:
                    return ("Timeout", ErrorCategory.OperationTimeout,
                        "The API did not answer in time, even after retries. Run the command again later, or raise -TimeoutSec on Connect-Milo.");
                case MiloFailureKind.RateLimited:
                    return ("RateLimited", ErrorCategory.LimitsExceeded,
                        "The API's rate limit for this key resets" + ResetText(ex) + ". Run the command after that, or raise -MaxRateLimitWaitSec on Connect-Milo to wait that long.");
                case MiloFailureKind.InvalidResponse:
                    return ("InvalidResponse", ErrorCategory.InvalidResult,
                        "The API answered with something the module cannot use. Run the command again; if it persists, report it to HeyMilo with the request id.");
            }

            var status = ex.StatusCode ?? 0;
            switch (status)
            {
                case 400 when string.Equals(ex.ErrorCode, "unsupported_ats_provider", StringComparison.Ordinal):
                    return ("UnsupportedAtsProvider", ErrorCategory.InvalidArgument,
                        "Pass -AtsName bullhorn or avionte (the ATS the API can push to and resolve in); Get-MiloAtsConnection lists the workspace's connections.");
                case 400 when string.Equals(ex.ErrorCode, "ats_not_connected", StringComparison.Ordinal):
                    return ("AtsNotConnected", ErrorCategory.ResourceUnavailable,
                        "Connect that ATS to the workspace in HeyMilo (Settings > Integrations) or use one that is: Get-MiloAtsConnection | Where-Object IsActive.");
                case 400:
                    return ("BadRequest", ErrorCategory.InvalidArgument, "Correct the parameters named in the message and run the command again.");
                case 401:
                    return ("Unauthorized", ErrorCategory.AuthenticationError,
                        "Check the API key (HeyMilo dashboard > Settings > API), then run Connect-Milo again.");
                case 403:
                    return ("Forbidden", ErrorCategory.PermissionDenied,
                        "The key is valid but may not use this resource. Use a key of the workspace that owns it.");
                case 404:
                    return ("NotFound", ErrorCategory.ObjectNotFound,
                        $"Check the id and that it belongs to this session's workspace ({ListingFor(ex.Path)} lists what exists).");
                case 409:
                    return ("Conflict", ErrorCategory.ResourceExists, "The resource already exists or changed meanwhile; read it again and retry.");
                case 422:
                    return ("ValidationFailed", ErrorCategory.InvalidData, "Correct the fields listed in the message and run the command again.");
                case 429:
                    return ("RateLimited", ErrorCategory.LimitsExceeded,
                        ex.RetryAfter is TimeSpan wait && wait > TimeSpan.Zero
                            ? "The API's rate limit for this key resets" + ResetText(ex) + ". Run the command after that; if it keeps happening, run fewer jobs on this key at once or lower -RequestsPerMinute on Connect-Milo."
                            : "The API's rate limit was still exceeded after retries. Run fewer jobs on this key at once, or lower -RequestsPerMinute on Connect-Milo.");
            }
            if (status >= 500)
                return ("ServerError", ErrorCategory.ConnectionError,
                    "The HeyMilo API failed and retries did not help. Run the command again later" + (ex.RequestId != null ? $"; quote request id {ex.RequestId} to HeyMilo support." : "."));
            return ("HttpError", ErrorCategory.NotSpecified, "See the message for what the API said.");
        }
    }
}
