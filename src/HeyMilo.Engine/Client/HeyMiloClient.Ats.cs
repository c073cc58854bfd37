using HeyMilo.Diagnostics;
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HeyMilo.Client.Json;
using HeyMilo.Client.Models;
using HeyMilo.Transport;

namespace HeyMilo.Client
{
    /// <summary>The ATS operations (tag ATS): connections, candidate resolve, queued pushes and their status.</summary>
    internal sealed partial class HeyMiloClient
    {
        /// <summary>Poll intervals of <see cref="WaitForAtsPushAsync"/>: 1 s, doubling to at most 10 s.</summary>
        internal static readonly TimeSpan FirstPushPoll = TimeSpan.FromSeconds(1);
        internal static readonly TimeSpan MaxPushPoll = TimeSpan.FromSeconds(10);

        /// <summary>GET /api/v2/ats/connections: one answer (the operation documents no limit or cursor).</summary>
        public async Task<IReadOnlyList<AtsConnection>> ListAtsConnectionsAsync(CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/ats/connections");
            var page = await _transport.SendAsync(call, MiloJsonContext.Default.ListEnvelopeAtsConnection, ct).ConfigureAwait(false);
            return (IReadOnlyList<AtsConnection>?)page.Data ?? throw MissingData(call);
        }

        /// <summary>
        /// POST /api/v2/ats/candidates/resolve. A search, so idempotent although it is a POST: repeating it
        /// reads the ATS again and creates nothing, and it is retried after every transient failure.
        /// </summary>
        internal async Task<ResolveCandidateResponse> ResolveAtsCandidateAsync(string atsName, string? email, string? atsCandidateId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/ats/candidates/resolve") { Idempotent = true }
                .Json(new ResolveCandidateRequest { AtsName = atsName, Email = email, AtsCandidateId = atsCandidateId }, MiloJsonContext.Default.ResolveCandidateRequest);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeResolveCandidateResponse, ct).ConfigureAwait(false);
            var answer = envelope.Data ?? throw MissingData(call);
            answer.Matches ??= new List<AtsCandidateMatch>();
            foreach (var match in answer.Matches) match.AtsName = atsName;
            return answer;
        }

        /// <summary>
        /// POST /api/v2/ats/candidates/push. NOT idempotent: each call queues another push, and a push without
        /// ats_candidate_id creates a new ATS record, so a repeat could create the candidate twice. Retried only
        /// after 429 (the API refuses those before doing any work).
        /// </summary>
        internal async Task<AtsPushReceipt> PushAtsCandidateAsync(PushCandidateRequest request, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Post, "api/v2/ats/candidates/push")
                .Json(request, MiloJsonContext.Default.PushCandidateRequest);
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeAtsPushReceipt, ct).ConfigureAwait(false);
            var receipt = envelope.Data ?? throw MissingData(call);
            receipt.AtsName = request.AtsName;
            receipt.PostingId = request.PostingId;
            receipt.InterviewId = request.InterviewId;
            receipt.AtsCandidateId = request.Candidate.AtsCandidateId;
            receipt.Email = request.Candidate.Email;
            receipt.CreateSubmission = request.CreateSubmission;
            return receipt;
        }

        /// <summary>GET /api/v2/ats/candidates/push/{item_id}.</summary>
        public async Task<AtsPushStatus> GetAtsPushAsync(string itemId, CancellationToken ct)
        {
            var call = new ApiCall(HttpMethod.Get, "api/v2/ats/candidates/push/" + ApiCall.Segment(itemId));
            var envelope = await _transport.SendAsync(call, MiloJsonContext.Default.SingleEnvelopeAtsPushStatus, ct).ConfigureAwait(false);
            var status = envelope.Data ?? throw MissingData(call);
            if (string.IsNullOrEmpty(status.ItemId)) status.ItemId = itemId;
            return status;
        }

        /// <summary>
        /// Reads the push's status until it is completed or failed, or <paramref name="timeout"/> has passed on
        /// the module clock: a read at once, then after 1, 2, 4, 8, 10, 10 … s (the last wait shortened to end at
        /// the deadline, where one more read decides). <paramref name="onStatus"/> sees every status read (any thread).
        /// The last status read: not <see cref="AtsPushStatus.IsFinished"/> when the wait timed out.
        /// </summary>
        public async Task<AtsPushStatus> WaitForAtsPushAsync(string itemId, TimeSpan timeout, Action<AtsPushStatus>? onStatus, CancellationToken ct)
        {
            var clock = ModuleClock.Current;
            var started = clock.GetTimestamp();
            var interval = FirstPushPoll;
            while (true)
            {
                var status = await GetAtsPushAsync(itemId, ct).ConfigureAwait(false);
                onStatus?.Invoke(status);
                if (status.IsFinished) return status;
                var left = timeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero) return status;
                var delay = interval < left ? interval : left;
                OperationLog.Verbose(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "HeyMilo: ATS push {0} is {1}; reading it again in {2:0.#} s.", itemId, status.Status, delay.TotalSeconds));
                await clock.Delay(delay, ct).ConfigureAwait(false);
                interval = interval + interval > MaxPushPoll ? MaxPushPoll : interval + interval;
            }
        }
    }
}
