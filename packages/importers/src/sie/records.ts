import type { Fields } from './fields.ts'
import { messages } from './messages.ts'
import type {
  SieAccount,
  SieDimension,
  SieFile,
  SieFiscalYear,
  SieObject,
  SiePeriodBalance,
  SieTransaction,
  SieVoucher,
  SieYearBalance,
} from './types.ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * What the records of a file add up to while it is read. Declarations are kept in maps, so a
 * repeated #KONTO or #OBJEKT replaces the earlier one and #KTYP may come before its #KONTO: what
 * the file declares does not depend on the order of its records.
 */
export class SieBuilder {
  readonly head: Mutable<
    Pick<
      SieFile,
      'flag' | 'format' | 'sieType' | 'variant' | 'program' | 'generated' | 'companyName' | 'orgNumber'
    >
  > = {
    flag: null,
    format: null,
    sieType: null,
    variant: null,
    program: null,
    generated: null,
    companyName: null,
    orgNumber: null,
  }
  readonly fiscalYears = new Map<number, SieFiscalYear>()
  readonly accounts = new Map<string, Omit<SieAccount, 'type'>>()
  readonly accountTypes = new Map<string, string>()
  readonly dimensions = new Map<number, SieDimension>()
  readonly objects = new Map<string, SieObject>()
  readonly yearBalances: SieYearBalance[] = []
  readonly periodBalances: SiePeriodBalance[] = []
  readonly vouchers: SieVoucher[] = []
  /** Records with a label this reader knows; a file with none is not a SIE file. */
  knownRecords = 0

  build(encoding: SieFile['encoding'], fileName: string | undefined): SieFile {
    const variant = this.head.variant ?? variantFromName(this.head.sieType, fileName)
    const accounts = [...this.accounts.values()].map((a) => ({
      number: a.number,
      name: a.name,
      type: this.accountTypes.get(a.number) ?? null,
      line: a.line,
    }))
    return {
      encoding,
      ...this.head,
      variant,
      fiscalYears: [...this.fiscalYears.values()].sort((a, b) => b.index - a.index),
      accounts,
      dimensions: [...this.dimensions.values()],
      objects: [...this.objects.values()],
      yearBalances: this.yearBalances,
      periodBalances: this.periodBalances,
      vouchers: this.vouchers,
    }
  }
}

function variantFromName(sieType: SieFile['sieType'], fileName: string | undefined): SieFile['variant'] {
  if (sieType !== 4 || fileName === undefined) return null
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return extension === 'si' ? 'I' : extension === 'se' ? 'E' : null
}

type Handler = (f: Fields, b: SieBuilder) => void

/** Handlers of the records outside vouchers; any other label is ignored, as the standard asks. */
export const recordHandlers: Readonly<Record<string, Handler>> = {
  FLAGGA(f, b) {
    const flag = f.integer(1, 'flagga')
    if (flag !== null) b.head.flag = flag
  },
  FORMAT(f, b) {
    const format = f.text(1, 'teckenformat')
    if (format !== null) b.head.format = format.toUpperCase()
  },
  SIETYP(f, b) {
    const raw = f.text(1, 'SIE-typ')
    if (raw === null) return
    const match = /^([1-4])([EI]?)$/i.exec(raw)
    if (match === null) {
      f.report('SIE_SYNTAX', f.line, messages.badSieType(f.line, raw), f.tokens[1]?.column)
      return
    }
    b.head.sieType = Number(match[1]) as 1 | 2 | 3 | 4
    const variant = match[2]?.toUpperCase()
    if (variant === 'E' || variant === 'I') b.head.variant = variant
  },
  PROGRAM(f, b) {
    const name = f.text(1, 'programnamn')
    if (name !== null) b.head.program = { name, version: f.optional(2) }
  },
  GEN(f, b) {
    const date = f.date(1)
    if (date !== null) b.head.generated = { date, by: f.optional(2) }
  },
  FNAMN(f, b) {
    const name = f.text(1, 'företagsnamn')
    if (name !== null) b.head.companyName = name
  },
  ORGNR(f, b) {
    const number = f.text(1, 'organisationsnummer')
    if (number !== null) b.head.orgNumber = number
  },
  RAR(f, b) {
    const index = f.integer(1, 'årsnummer')
    const start = f.date(2, 'startdatum')
    const end = f.date(3, 'slutdatum')
    if (index === null || start === null || end === null) return
    if (end < start) {
      f.report('SIE_DATE', f.line, messages.badFiscalYear(f.line, start, end))
      return
    }
    b.fiscalYears.set(index, { index, start, end, line: f.line })
  },
  KONTO(f, b) {
    const number = f.text(1, 'kontonummer')
    if (number !== null) b.accounts.set(number, { number, name: f.optional(2), line: f.line })
  },
  KTYP(f, b) {
    const number = f.text(1, 'kontonummer')
    const type = f.text(2, 'kontotyp')
    if (number !== null && type !== null) b.accountTypes.set(number, type.toUpperCase())
  },
  DIM(f, b) {
    const number = f.integer(1, 'dimensionsnummer')
    if (number === null) return
    const parent = b.dimensions.get(number)?.parent ?? null
    b.dimensions.set(number, { number, name: f.optional(2), parent, line: f.line })
  },
  UNDERDIM(f, b) {
    const number = f.integer(1, 'dimensionsnummer')
    const parent = f.integer(3, 'överordnad dimension')
    if (number !== null && parent !== null) {
      b.dimensions.set(number, { number, name: f.optional(2), parent, line: f.line })
    }
  },
  OBJEKT(f, b) {
    const dimension = f.integer(1, 'dimensionsnummer')
    const raw = f.text(2, 'objektkod')
    if (dimension === null || raw === null) return
    const id = raw.trim()
    b.objects.set(`${dimension}\u0000${id}`, { dimension, id, name: f.optional(3), line: f.line })
  },
  IB: yearBalance('IB'),
  UB: yearBalance('UB'),
  RES: yearBalance('RES'),
  PSALDO: periodBalance('PSALDO'),
  PBUDGET: periodBalance('PBUDGET'),
  // The checksum of SIE 4B is optional and not verified: the voucher and account checks cover
  // what it would protect against for an import.
  KSUMMA() {},
}

function yearBalance(kind: SieYearBalance['kind']): Handler {
  return (f, b) => {
    const year = f.integer(1, 'årsnummer')
    const account = f.account(2)
    const amountOre = f.amount(3)
    if (year === null || account === null || amountOre === null) return
    b.yearBalances.push({ kind, year, account, amountOre, quantity: f.optional(4) || null, line: f.line })
  }
}

function periodBalance(kind: SiePeriodBalance['kind']): Handler {
  return (f, b) => {
    const year = f.integer(1, 'årsnummer')
    const period = f.period(2)
    const account = f.account(3)
    // A common deviation writes no object list at all; the amount then comes one field earlier.
    const shift = f.isList(4) ? 0 : -1
    const objects = shift === 0 ? f.objects(4) : []
    const amountOre = f.amount(5 + shift)
    if (year === null || period === null || account === null || objects === null || amountOre === null) return
    const quantity = f.optional(6 + shift) || null
    b.periodBalances.push({ kind, year, period, account, objects, amountOre, quantity, line: f.line })
  }
}

export type VoucherHead = Omit<SieVoucher, 'rows'>

/** `#VER serie vernr verdatum vertext regdatum sign`; series and number may be empty (""). */
export function readVoucherHead(f: Fields): VoucherHead | null {
  const series = f.optional(1)
  const number = f.optional(2)
  const date = f.date(3, 'verifikationsdatum')
  const registeredOn = f.optionalDate(5)
  if (date === null || registeredOn === undefined) return null
  return { series, number, date, text: f.optional(4), registeredOn, line: f.line }
}

/** `#TRANS kontonr {objektlista} belopp transdat transtext kvantitet sign`, and RTRANS/BTRANS. */
export function readTransaction(f: Fields, kind: SieTransaction['kind']): SieTransaction | null {
  const account = f.account(1)
  const shift = f.isList(2) ? 0 : -1
  const objects = shift === 0 ? f.objects(2) : []
  const amountOre = f.amount(3 + shift)
  const date = f.optionalDate(4 + shift)
  if (account === null || objects === null || amountOre === null || date === undefined) return null
  const text = f.optional(5 + shift) || null
  const quantity = f.optional(6 + shift) || null
  return { kind, account, objects, amountOre, date, text, quantity, line: f.line }
}
