/**
 * Every text a user sees about a SIE file, in Swedish, in one place. Messages name the line, the
 * offending value and, where it helps, what to do about it.
 */

const at = (line: number) => `Rad ${line}: `

/** Öre as Swedish kronor for messages: -1250 → "−12,50 kr". */
export function kronor(ore: bigint): string {
  const negative = ore < 0n
  const abs = negative ? -ore : ore
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  const cents = (abs % 100n).toString().padStart(2, '0')
  return `${negative ? '−' : ''}${whole},${cents} kr`
}

const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`

export const messages = {
  empty: () => 'Filen är tom.',
  noRecords: () =>
    'Filen innehåller inga SIE-poster (rader som börjar med till exempel #FLAGGA eller #KONTO).',
  replacementCharacters: (line: number, lines: number) =>
    `${at(line)}filen innehåller ersättningstecken (�) på ${lines} ${lines === 1 ? 'rad' : 'rader'}: ` +
    'tecken som å, ä och ö har gått förlorade när filen sparades med fel teckenkodning. ' +
    'Exportera filen på nytt från ekonomisystemet.',
  readAsUtf8: () =>
    'Filen är märkt som PC8 (IBM-teckentabell 437) men är sparad som UTF-8. Den har lästs som UTF-8; ' +
    'kontrollera att å, ä och ö ser rätt ut i förhandsgranskningen.',
  readAsWindows1252: () =>
    'Filen är märkt som PC8 (IBM-teckentabell 437) men verkar vara sparad som Windows-1252. Den har lästs ' +
    'som Windows-1252; kontrollera att å, ä och ö ser rätt ut i förhandsgranskningen.',

  unclosedQuote: (line: number) => `${at(line)}en text saknar avslutande citattecken (").`,
  unclosedBrace: (line: number) => `${at(line)}en objektlista saknar avslutande klammer (}).`,
  nestedBrace: (line: number) => `${at(line)}en objektlista innehåller en klammer ({) inuti en annan.`,
  notALabel: (line: number, text: string) =>
    `${at(line)}raden ${quote(text)} börjar inte med en etikett som #KONTO eller #TRANS.`,
  missingField: (line: number, label: string, field: string) => `${at(line)}#${label} saknar ${field}.`,
  listExpected: (line: number, label: string) =>
    `${at(line)}#${label} ska ha en objektlista inom klamrar, till exempel {} eller {1 "100"}.`,
  textExpected: (line: number, label: string, field: string) =>
    `${at(line)}#${label}: ${field} ska vara ett värde, inte en objektlista.`,
  oddObjectList: (line: number) =>
    `${at(line)}objektlistan ska bestå av par av dimension och objekt, till exempel {1 "100" 6 "P1"}.`,
  badDimension: (line: number, value: string) => `${at(line)}dimensionen ${quote(value)} är inte ett heltal.`,
  badInteger: (line: number, label: string, value: string) =>
    `${at(line)}#${label}: ${quote(value)} är inte ett heltal.`,
  badSieType: (line: number, value: string) =>
    `${at(line)}SIE-typen ${quote(value)} är okänd; den ska vara 1, 2, 3 eller 4.`,
  badFiscalYear: (line: number, start: string, end: string) =>
    `${at(line)}räkenskapsåret ${start}–${end} slutar före det börjar.`,

  amountFormat: (line: number, value: string) =>
    `${at(line)}beloppet ${quote(value)} är inte ett tal med punkt som decimaltecken.`,
  amountDecimals: (line: number, value: string) =>
    `${at(line)}beloppet ${quote(value)} har fler än två decimaler och kan inte läsas exakt i öre.`,
  date: (line: number, value: string) =>
    `${at(line)}datumet ${quote(value)} är inte ett giltigt datum på formen ÅÅÅÅMMDD.`,
  period: (line: number, value: string) =>
    `${at(line)}perioden ${quote(value)} är inte en giltig period på formen ÅÅÅÅMM.`,

  blockWithoutVoucher: (line: number) => `${at(line)}klammern { hör inte till någon verifikation (#VER).`,
  closeWithoutOpen: (line: number) => `${at(line)}klammern } avslutar inget block.`,
  voucherWithoutBlock: (line: number) =>
    `${at(line)}verifikationen saknar sina transaktioner: raden efter #VER ska vara {.`,
  unclosedVoucher: (line: number) =>
    `${at(line)}verifikationen som börjar här avslutas aldrig med }. Filen kan vara avkortad.`,
  unclosedBlock: (line: number) => `${at(line)}blocket som börjar här avslutas aldrig med }.`,
  rowOutsideVoucher: (line: number, label: string) =>
    `${at(line)}#${label} står utanför en verifikation; den ska stå inom { } efter en #VER.`,
  unbalanced: (line: number, series: string, number: string, sum: bigint) =>
    `${at(line)}verifikationen ${`${series} ${number}`.trim() || 'utan nummer'} balanserar inte: ` +
    `transaktionerna summerar till ${kronor(sum)}, inte 0.`,
  unknownAccount: (line: number, account: string, uses: number) =>
    `${at(line)}kontot ${account} finns inte i filens kontoplan (#KONTO)` +
    (uses > 1 ? ` och används på ${uses} rader.` : '.'),
  yearMismatch: (line: number, start: string, end: string, year: number) =>
    `${at(line)}filens räkenskapsår (${start}–${end}) gäller inte år ${year}.`,
  periodOutsideYear: (line: number, value: string, start: string, end: string) =>
    `${at(line)}${value.length === 6 ? 'perioden' : 'datumet'} ${value} ligger utanför räkenskapsåret ${start}–${end}.`,

  tooManyErrors: (shown: number, more: number) =>
    `Ytterligare ${more} fel visas inte (de ${shown} första visas). Rätta dem och läs in filen igen.`,
  internal: () =>
    'Filen kunde inte läsas på grund av ett internt fel i inläsningen. Inget har sparats; ' +
    'kontakta support och bifoga filen.',
}
