using System;
using System.Management.Automation;
using HeyMilo.Client;

namespace HeyMilo.Module
{
    /// <summary>
    /// The one body of every Get- cmdlet of the workspace catalog: by id (GET {path}/{id}, a 404 is a
    /// non-terminating HeyMilo.NotFound whose target is the id) or the cursor listing streamed page by page
    /// (-First/-Skip/-IncludeTotalCount, -PageSize, -Search where the family has it). A derived cmdlet only
    /// declares its id parameter (its name, aliases and completer), -Search if the API documents one, and
    /// which <see cref="CatalogFamily"/> it reads.
    /// Not generic over the engine's models, and the family is an internal member: PowerShell reflects over
    /// this assembly's public types before the engine can load, so none may name an engine type in its
    /// base type, interfaces or generic arguments (AssemblyBoundaryTests).
    /// </summary>
    public abstract class GetMiloCatalogItemCommand : MiloCmdlet
    {
        protected const string ListSet = "List";
        protected const string ByIdSet = "ById";

        /// <summary>Items per request, 1 to 100 (the API's maximum is the default: fewest requests).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>The family this cmdlet reads.</summary>
        internal abstract CatalogFamily Family { get; }

        /// <summary>The values of the cmdlet's id parameter (the ById set).</summary>
        internal abstract string[] Ids { get; }

        /// <summary>-Search, for the families whose listing documents one.</summary>
        internal virtual string? SearchText => null;

        protected override void ProcessRecord()
        {
            var session = RequireSession();
            var family = Family;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Ids)
                {
                    object item;
                    try
                    {
                        item = Run(ct => family.GetObjectAsync(session.Client, id, ct));
                    }
                    catch (MiloApiException ex)
                    {
                        Fail(ex, id);
                        continue;
                    }
                    WriteObject(item);
                }
                return;
            }

            var search = SearchText;
            var paging = PagingWindow.From(PagingParameters);
            try
            {
                var items = family.ListObjectsAsync(session.Client, search, PageSize, paging.MaxItems, paging.SetTotal, Cancellation);
                foreach (var item in paging.Apply(Stream(items)))
                {
                    paging.FlushTotal(this);
                    WriteObject(item);
                }
                paging.FlushTotal(this);
            }
            catch (MiloApiException ex)
            {
                Fail(ex, search);
            }
        }

        /// <summary>As <see cref="MiloCmdlet.WriteFailure"/>, with a 404's advice naming this cmdlet.</summary>
        private void Fail(MiloApiException exception, object? target)
        {
            var record = MiloErrors.FromException(exception, target);
            if (exception.StatusCode == 404 && record.ErrorDetails != null)
                record.ErrorDetails.RecommendedAction = $"Check the id: {MyInvocation.MyCommand.Name} without an id lists the {Family.What} of this workspace.";
            if (MiloErrors.IsFatal(exception)) ThrowTerminatingError(record);
            WriteError(record);
        }
    }
}
