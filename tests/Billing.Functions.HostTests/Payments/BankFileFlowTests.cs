using System.Globalization;
using Azure.Storage.Blobs;
using Billing.Core.Invoicing;
using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Payments;

/// <summary>A bank file uploaded under incoming/ reaches IngestBankFile as Event Grid delivers it: a BlobClient from binding data.</summary>
[Collection(WorkerCollection.Name)]
public sealed class BankFileFlowTests(WorkerFixture worker)
{
    private BlobContainerClient BankFiles => worker.Container("BANK_FILES_CONTAINER");

    private BlobContainerClient BankArchive => worker.Container("BANK_ARCHIVE_CONTAINER");

    [EmulatorFact]
    public async Task IngestBankFile_ACamt053UnderIncoming_AppliesThePayment_AndMovesTheFileToProcessed()
    {
        var invoice = (await worker.BillingStory.RunAsync()).Invoices[0];
        var name = $"camt053-{Guid.NewGuid():N}.xml";
        await BankFiles.GetBlobClient($"incoming/{name}").UploadAsync(BinaryData.FromString(Camt053(invoice)));

        var response = await worker.DeliverBlobCreatedAsync("IngestBankFile", $"incoming/{name}");

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        var paid = (await worker.Store.ReadAsync<Invoice>(invoice.AccountId, invoice.Id))!.Value;
        Assert.Equal(invoice.GrossTotal, paid.AmountPaid);
        Assert.False(await BankFiles.GetBlobClient($"incoming/{name}").ExistsAsync());
        Assert.Contains(await Names(BankArchive, "processed/"), n => n.Contains(name, StringComparison.Ordinal));
    }

    [EmulatorFact]
    public async Task IngestBankFile_AMalformedFile_IsQuarantined_AndTheInvocationSucceeds_SoTheHostDoesNotRetryIt()
    {
        var name = $"broken-{Guid.NewGuid():N}.xml";
        await BankFiles.GetBlobClient($"incoming/{name}").UploadAsync(
            BinaryData.FromString("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>"));

        var response = await worker.DeliverBlobCreatedAsync("IngestBankFile", $"incoming/{name}");

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        Assert.False(await BankFiles.GetBlobClient($"incoming/{name}").ExistsAsync());
        Assert.Contains(await Names(BankFiles, "quarantine/"), n => n.Contains(name, StringComparison.Ordinal));
        Assert.Contains(worker.Host.LogsOf(response), l => l.Level == RpcLog.Types.Level.Warning && l.Message.Contains("quarantined", StringComparison.Ordinal));
    }

    private static async Task<List<string>> Names(BlobContainerClient container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>One SEPA credit paying <paramref name="invoice"/> in full with its RF creditor reference, booked today.</summary>
    private static string Camt053(Invoice invoice)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var amount = invoice.GrossTotal.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{invoice.Id}</MsgId><CreDtTm>{today}T18:00:00+00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-{invoice.Id}</Id><CreDtTm>{today}T18:00:00+00:00</CreDtTm>
            <Acct><Id><IBAN>{WorkerFixture.SellerIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><Dt>{today}</Dt></BookgDt><ValDt><Dt>{today}</Dt></ValDt><AcctSvcrRef>BANK-{invoice.Id}</AcctSvcrRef>
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>
            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="EUR">{amount}</Amt>
            <RltdPties><Dbtr><Pty><Nm>Host Customer GmbH</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{invoice.CreditorReference}</Ref></CdtrRefInf></Strd></RmtInf>
            </TxDtls></NtryDtls></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """;
    }
}
