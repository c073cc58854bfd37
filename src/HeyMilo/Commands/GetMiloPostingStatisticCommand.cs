using System.Management.Automation;
using HeyMilo.Module;

namespace HeyMilo.Commands
{
    /// <summary>
    /// Gets each posting's statistics in one call (GET /api/v2/postings/{id}/stats): candidates, completed
    /// interviews, and the average interview and resume scores (null when the posting has no such step or no score yet).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MiloPostingStatistic")]
    [OutputType(typeof(PostingStatistic))]
    public sealed class GetMiloPostingStatisticCommand : PostingTargetCmdlet
    {
        /// <summary>A read: an interview piped in stands for its posting, as with Get-MiloPosting.</summary>
        internal override bool AcceptsObjectsOfOtherKinds => true;

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            foreach (var pair in Targets())
            {
                PostingStatistic statistic;
                try
                {
                    statistic = Run(ct => session.Client.GetPostingStatisticAsync(pair.Key, ct));
                }
                catch (MiloApiException ex)
                {
                    WriteFailure(ex, pair.Value);
                    continue;
                }
                WriteObject(statistic);
            }
        }
    }
}
