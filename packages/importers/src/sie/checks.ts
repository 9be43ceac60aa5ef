import type { Report } from './fields.ts'
import { messages } from './messages.ts'
import type { SieFile, SieParseOptions, SieProblem } from './types.ts'

/**
 * Checks across records, run once the whole file is read (so the order of records does not matter):
 * - every voucher's #TRANS rows sum to zero (#RTRANS/#BTRANS are not counted, see `SieTransaction`);
 *   an error unless `options.unbalancedVouchers` is `warning`;
 * - every #TRANS account is declared by #KONTO, unless the file declares no accounts at all (an
 *   import file may carry vouchers only); one problem per unknown account, at its first use;
 * - with `options.year`: #RAR 0 starts or ends in that year, and every year-0 period, voucher date
 *   and row date lies inside it (inside the calendar year when the file has no #RAR 0).
 */
export function checkFile(
  file: SieFile,
  options: SieParseOptions,
  report: Report,
  warn: (problem: SieProblem) => void,
): void {
  const unbalanced =
    options.unbalancedVouchers === 'warning'
      ? warn
      : (p: SieProblem) => report('SIE_UNBALANCED_VOUCHER', p.line, p.message)
  checkBalance(file, unbalanced)
  checkAccounts(file, report)
  if (options.year !== undefined) checkYear(file, options.year, report)
}

function checkBalance(file: SieFile, report: (problem: SieProblem) => void): void {
  for (const voucher of file.vouchers) {
    let sum = 0n
    for (const row of voucher.rows) if (row.kind === 'TRANS') sum += row.amountOre
    if (sum !== 0n) {
      const message = messages.unbalanced(voucher.line, voucher.series, voucher.number, sum)
      report({ code: 'SIE_UNBALANCED_VOUCHER', line: voucher.line, message })
    }
  }
}

function checkAccounts(file: SieFile, report: Report): void {
  if (file.accounts.length === 0) return
  const declared = new Set(file.accounts.map((a) => a.number))
  const unknown = new Map<string, { line: number; uses: number }>()
  for (const voucher of file.vouchers) {
    for (const row of voucher.rows) {
      if (row.kind !== 'TRANS' || declared.has(row.account)) continue
      const seen = unknown.get(row.account)
      if (seen) seen.uses++
      else unknown.set(row.account, { line: row.line, uses: 1 })
    }
  }
  for (const [account, { line, uses }] of unknown) {
    report('SIE_UNKNOWN_ACCOUNT', line, messages.unknownAccount(line, account, uses))
  }
}

function checkYear(file: SieFile, year: number, report: Report): void {
  const current = file.fiscalYears.find((y) => y.index === 0)
  if (current && current.start.slice(0, 4) !== String(year) && current.end.slice(0, 4) !== String(year)) {
    report('SIE_PERIOD', current.line, messages.yearMismatch(current.line, current.start, current.end, year))
    return
  }
  const start = current?.start ?? `${year}0101`
  const end = current?.end ?? `${year}1231`
  const outside = (line: number, value: string) =>
    report('SIE_PERIOD', line, messages.periodOutsideYear(line, value, start, end))
  for (const balance of file.periodBalances) {
    if (balance.year !== 0) continue
    if (balance.period < start.slice(0, 6) || balance.period > end.slice(0, 6)) {
      outside(balance.line, balance.period)
    }
  }
  for (const voucher of file.vouchers) {
    if (voucher.date < start || voucher.date > end) outside(voucher.line, voucher.date)
    for (const row of voucher.rows) {
      if (row.kind === 'TRANS' && row.date !== null && (row.date < start || row.date > end)) {
        outside(row.line, row.date)
      }
    }
  }
}
