import type { ReceiptPreview } from '../../../common/contract'

/**
 * The receipt as it prints, from the same receiptline source as the printer bytes. Shown as an image from a data
 * URL so no markup from the core is ever injected into the page.
 */
export function ReceiptImage({ receipt, label }: { receipt: ReceiptPreview; label: string }) {
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.svg)}`}
      alt={label}
      data-testid="receipt-preview"
      style={{
        width: '100%',
        maxWidth: receipt.columns === 48 ? 420 : 300,
        background: 'white',
        display: 'block',
        margin: '0 auto',
      }}
    />
  )
}
