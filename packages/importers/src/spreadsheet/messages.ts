/**
 * Every text a user sees about an uploaded spreadsheet, in Swedish, in one place. Messages name the
 * row (as the spreadsheet program numbers it), the column, the offending value and what to do.
 */

const at = (line: number) => `Rad ${line}: `
const atCell = (line: number, column: string) => `Rad ${line}, kolumn ${column}: `

export const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
/** A size for people: "850 byte", "12 kB", "20 MB", "20,5 MB". */
const size = (bytes: number) => {
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  const tenths = Math.round(bytes / 104_857.6)
  return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? '' : `,${tenths % 10}`} MB`
}

/** "A", "B" och "C". */
export function list(items: readonly string[], conjunction = 'och'): string {
  const quoted = items.map((i) => `"${i}"`)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`
}

const SAVE_AS_CSV = 'Spara filen som CSV UTF-8 (kommaavgränsad) i Excel och ladda upp den igen.'

export const messages = {
  // The file as a whole
  tooLarge: (bytes: number, max: number) =>
    `Filen är ${size(bytes)}; största tillåtna storlek är ${size(max)}. Dela upp den i flera filer.`,
  tooManyRows: (max: number) =>
    `Filen har fler än ${thousands(max)} rader med data, vilket är gränsen. Dela upp den i flera filer.`,
  tooManyColumns: (max: number) =>
    `Ett blad i Excel-filen har en rad med fler än ${thousands(max)} celler. ` +
    'Ta bort tomma, formaterade kolumner till höger om mallens kolumner och spara igen.',
  tooManyCells: (max: number) =>
    `Excel-filen har fler än ${thousands(max)} celler, vilket är gränsen. Ta bort tomma, formaterade celler ` +
    'utanför mallens kolumner eller dela upp filen.',
  unpacksTooLarge: (max: number) =>
    `Excel-filen packas upp till mer än ${size(max)}, vilket är gränsen. ` +
    'Den är för stor eller inte en vanlig Excel-fil.',
  empty: () => 'Filen är tom.',
  noHeader: (columns: readonly string[]) =>
    `Filen saknar rubrikrad. Första raden ska innehålla kolumnerna ${list(columns)}.`,
  noDataRows: () => 'Filen har en rubrikrad men inga rader med värden.',
  noAmounts: () => 'Ingen rad i filen har något belopp. Fyll i kolumnen Belopp och ladda upp filen igen.',
  noSheet: () => 'Excel-filen har inget kalkylblad.',

  xlsxAsCsv: () =>
    'Filen är en Excel-arbetsbok (.xlsx), inte en CSV-fil. Ladda upp den som Excel-fil, eller ' +
    SAVE_AS_CSV.charAt(0).toLowerCase() +
    SAVE_AS_CSV.slice(1),
  oldExcel: () =>
    'Filen är i Excels äldre format (.xls) eller lösenordsskyddad. Öppna den i Excel och spara den som ' +
    'Excel-arbetsbok (.xlsx) utan lösenord.',
  openDocument: () =>
    'Filen är ett OpenDocument-kalkylblad (.ods). Spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8.',
  notXlsx: () =>
    'Filen är inte en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok eller som CSV UTF-8 och ladda ' +
    'upp den igen.',
  notAWorkbook: () => 'Filen är en zip-fil men ingen Excel-arbetsbok (den saknar xl/workbook.xml).',
  corrupt: (detail: string) =>
    `Excel-filen är skadad och kan inte läsas (${detail}). Öppna den i Excel, spara den på nytt och ladda ` +
    'upp den igen.',
  encryptedZip: () => 'Excel-filen är krypterad. Spara den utan lösenord och ladda upp den igen.',
  utf16: () => `Filen är sparad som Unicode-text (UTF-16), inte som CSV UTF-8. ${SAVE_AS_CSV}`,
  notUtf8: (line: number, looksLikeWindows1252: boolean) =>
    `${at(line)}filen är inte sparad som UTF-8` +
    (looksLikeWindows1252
      ? ' (den verkar vara sparad som ”CSV (semikolonavgränsad)”, alltså Windows-1252)'
      : '') +
    `, så tecken som å, ä och ö kan inte läsas. ${SAVE_AS_CSV}`,

  // CSV syntax
  unclosedQuote: (line: number) =>
    `${at(line)}ett fält börjar med citattecken (") som aldrig avslutas. Kontrollera citattecknen på raden.`,
  textAfterQuote: (line: number, text: string) =>
    `${at(line)}efter ett fält inom citattecken står ${quote(text)}; ett sådant fält ska följas av ` +
    'avgränsaren eller radslut. Skriv citattecken inuti ett fält som två citattecken ("").',

  // The header row
  unknownColumns: (line: number, names: readonly string[], allowed: readonly string[], hint: string) =>
    `${at(line)}${names.length === 1 ? 'kolumnen' : 'kolumnerna'} ${list(names)} finns inte i mallen. ` +
    `Mallens kolumner är ${list(allowed)}.${hint}`,
  missingColumns: (line: number, names: readonly string[]) =>
    `${at(line)}${names.length === 1 ? 'kolumnen' : 'kolumnerna'} ${list(names)} saknas i rubrikraden.`,
  duplicateColumn: (line: number, name: string, first: string, second: string) =>
    `${at(line)}kolumnen "${name}" finns två gånger (kolumn ${first} och ${second}).`,
  unnamedColumn: (line: number, letter: string, value: string) =>
    `${atCell(line, letter)}kolumnen saknar rubrik men cellen innehåller ${quote(value)}. ` +
    'Ta bort värdet eller flytta det till rätt kolumn.',
  investmentHint: () => ' Filen verkar vara en mall för investeringar; ladda upp den som investeringar.',
  operatingHint: () => ' Filen verkar vara en mall för drift; ladda upp den som drift.',

  // Cells
  cell: (line: number, column: string, detail: string) => `${atCell(line, column)}${detail}`,
  missing: () => 'värde saknas.',
  isDate: (value: string, expected: string) => `${quote(value)} är ett datum; här ska stå ${expected}.`,
  isBoolean: (value: string, expected: string) =>
    `${quote(value)} är ett sanningsvärde; här ska stå ${expected}.`,
  isError: (value: string) =>
    `cellen innehåller ${value === '' ? 'en formel utan beräknat värde' : `felvärdet ${value}`}; ` +
    'rätta formeln eller skriv in värdet.',
  notWholeNumber: (value: string, expected: string) => `${quote(value)} är inte ${expected}.`,
  year: (value: string, year: number) =>
    `${quote(value)} är inget årtal; skriv året med fyra siffror, till exempel ${year}.`,
  wrongYear: (value: number, year: number) =>
    `filen gäller ${year}, så året ska vara ${year}, inte ${value}. Planår anges med måttet Plan.`,
  planYear: (value: number, year: number) => `Plan gäller ett senare år än ${year}; ${value} är inte senare.`,
  month: (value: string) => `${quote(value)} är ingen månad; skriv månadens nummer, 1–12.`,
  annualHasMonth: (measure: string) => `${measure} är ett årsbelopp och har ingen månad; lämna Månad tom.`,
  monthlyNeedsMonth: (measure: string) => `${measure} anges per månad; fyll i Månad (1–12).`,
  measure: (value: string, allowed: readonly string[]) =>
    `${quote(value)} är inget mått som kan läsas in här; välj ${list(allowed, 'eller')}.`,
  costCentre: (value: string) =>
    `${quote(value)} är ingen giltig ansvarskod; den får bara innehålla bokstäver, siffror, _ . och - ` +
    'och vara högst 20 tecken.',
  account: (value: string) => `${quote(value)} är inget konto; ett konto är 3–8 siffror.`,
  key: (value: string) =>
    `${quote(value)} är ingen giltig nyckel; den får bara innehålla a–z, 0–9 och bindestreck och ska ` +
    'börja med en bokstav eller siffra.',
  activity: (value: string) =>
    `${quote(value)} är ingen verksamhetskod; koden är tre siffror, till exempel 407.`,
  followUpNeeded: () => 'en prognos hör till en uppföljning; fyll i Uppföljning.',
  followUpNotAllowed: (measure: string) =>
    `Uppföljning anges bara för Prognos; lämna den tom för ${measure}.`,
  amountFormat: (value: string) =>
    /\d[eE][-+]?\d/.test(value)
      ? `${quote(value)} är skrivet med exponent och kan inte läsas exakt; formatera cellen som tal och spara igen.`
      : `${quote(value)} är inget belopp; skriv kronor med siffror, till exempel -1234,50.`,
  amountDecimals: (value: string) =>
    `${quote(value)} har fler än två decimaler; belopp anges i kronor med högst två decimaler (öre).`,
  amountRange: (value: string) => `${quote(value)} är för stort för att hanteras exakt.`,
  projectName: () => 'projektets namn är längre än 200 tecken.',
  category: (value: string, allowed: readonly string[]) =>
    `${quote(value)} är ingen känd kategori; välj ${list(allowed, 'eller')}.`,
  status: (value: string, allowed: readonly string[]) =>
    `${quote(value)} är ingen känd status; välj ${list(allowed, 'eller')}.`,
  projectConflict: (key: string, what: string, first: string, firstLine: number, here: string) =>
    `projektet "${key}" har ${what} ${quote(first)} på rad ${firstLine} men ${quote(here)} här; ` +
    `ett projekt ska ha samma ${what} på alla rader.`,

  // Rows
  duplicate: (line: number, first: number) =>
    `${at(line)}samma belopp (år, månad, mått, uppföljning och dimensioner) finns redan på rad ${first}. ` +
    'Slå ihop raderna eller ta bort den ena.',
  skipped: (count: number, first: number) =>
    `${count} ${count === 1 ? 'rad' : 'rader'} utan belopp hoppades över (den första är rad ${first}).`,

  // Personnel (HR) template
  economyHint: () =>
    ' Filen verkar vara en mall för ekonomi (drift eller investeringar); ladda upp den som ekonomi.',
  unit: (value: string) =>
    `${quote(value)} är ingen enhet; skriv enhetens eller förvaltningens nyckel (a–z, 0–9 och ` +
    'bindestreck, till exempel hemtjanst-norr) eller kommunen för hela kommunen.',
  personnelWrongYear: (value: number, year: number) =>
    `filen gäller ${year}, så året ska vara ${year}, inte ${value}.`,
  period: (value: string, year: number) =>
    `${quote(value)} är ingen period; skriv år och månad som ÅÅÅÅ-MM, till exempel ${year}-08, eller ` +
    'lämna Period tom för helåret.',
  periodYear: (period: string, year: number) =>
    `perioden ${period} ligger inte i året ${year} som står i kolumnen År.`,
  employment: (value: string) =>
    `${quote(value)} är ingen anställningsform; skriv Tillsvidare eller Visstid, eller lämna tomt för alla.`,
  gender: (value: string) =>
    `${quote(value)} är inget kön; skriv Kvinnor eller Män, eller lämna tomt för alla.`,
  ageBand: (value: string) =>
    `${quote(value)} är ingen åldersgrupp; skriv lägsta och högsta ålder med bindestreck, till exempel ` +
    '30-49, eller 60- för 60 år och äldre.',
  ageBandOrder: (value: string) =>
    `i åldersgruppen ${quote(value)} är den lägsta åldern högre än den högsta; skriv till exempel 30-49.`,
  sickDays: (value: string) =>
    `${quote(value)} är inget antal sjukdagar; skriv ett antal (0) eller ett intervall (1-7).`,
  numberFormat: (value: string, example: string) =>
    /\d[eE][-+]?\d/.test(value)
      ? `${quote(value)} är skrivet med exponent och kan inte läsas exakt; formatera cellen som tal och spara igen.`
      : `${quote(value)} är inget tal; skriv ett tal utan tecken, till exempel ${example}.`,
  quantityNegative: (value: string) =>
    `${quote(value)} är negativt; täljare och nämnare är antal eller timmar och kan inte vara negativa.`,
  valueNegative: (value: string) => `${quote(value)} är negativt; personalmåttens värden är aldrig negativa.`,
  quantityDecimals: (value: string) => `${quote(value)} har fler än fyra decimaler; avrunda till högst fyra.`,
  numberRange: (value: string) =>
    `${quote(value)} är för stort; högst tolv siffror före decimaltecknet går att läsa in.`,
  percentSign: (value: string, measure: string) =>
    `${quote(value)} har ett procenttecken men ${measure} är ingen andel i procent; skriv bara talet.`,
  countHasDenominator: (measure: string) =>
    `${measure} är ett antal och har ingen nämnare; skriv antalet i Täljare och lämna Nämnare tom.`,
  countHasValue: (measure: string) => `${measure} är ett antal; skriv det i Täljare och lämna Värde tomt.`,
  needsDenominator: (measure: string, denominator: string) =>
    `${measure} räknas som täljare delat med nämnare; fyll i Nämnare (${denominator}), eller lämna ` +
    'Täljare tom och skriv måttets värde i Värde.',
  needsNumerator: (measure: string, numerator: string) =>
    `en nämnare utan täljare ger inget värde; fyll i Täljare (${numerator}) för ${measure}, eller lämna ` +
    'Nämnare tom.',
  valueOnly: (measure: string) =>
    `${measure} anges bara som ett färdigt värde; skriv det i Värde och lämna Täljare och Nämnare tomma.`,
  percentRange: (value: string) =>
    `${quote(value)} är ingen andel i procent; en procentsats ligger mellan 0 och 100.`,
  numeratorAboveDenominator: (numerator: string, denominator: string) =>
    `Täljaren är större än nämnaren (${numerator} mot ${denominator}); en andel kan inte vara över 100 %.`,
  zeroDenominator: () =>
    'nämnaren är 0, så inget värde kan räknas fram; lämna Täljare och Nämnare tomma om underlag saknas.',
  personnelDuplicate: (line: number, first: number) =>
    `${at(line)}samma uppgift (enhet, år, period, mått och grupp) finns redan på rad ${first}. ` +
    'Slå ihop raderna eller ta bort den ena.',
  breakdownExceeds: (parts: string, lines: readonly number[], sum: string, total: string) =>
    `summan för ${parts} (${lines.length === 1 ? 'rad' : 'raderna'} ${lines.join(', ')}) är ${sum}, ` +
    `mer än totalen ${total} på den här raden. Kontrollera att delarna och totalen gäller samma personer.`,
  personnelSkipped: (count: number, first: number) =>
    `${count} ${count === 1 ? 'rad' : 'rader'} utan Täljare, Nämnare och Värde hoppades över ` +
    `(den första är rad ${first}).`,
  noFigures: () =>
    'Ingen rad i filen har någon siffra. Fyll i Täljare (och Nämnare) eller Värde och ladda upp filen igen.',

  tooManyErrors: (shown: number, more: number) =>
    `Ytterligare ${thousands(more)} fel visas inte (de ${shown} första visas). Rätta dem och ladda upp filen igen.`,
  internal: () =>
    'Filen kunde inte läsas på grund av ett internt fel i inläsningen. Inget har sparats; kontakta support och ' +
    'bifoga filen.',
}
