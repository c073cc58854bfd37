using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>The catalog Get- cmdlets whose listing the API can filter by name (-Search, sent as search).</summary>
    public abstract class GetMiloSearchableCatalogItemCommand : GetMiloCatalogItemCommand
    {
        /// <summary>Only items whose name contains this text (case-insensitive; sent to the API as search).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        internal override string? SearchText => Search;
    }
}
