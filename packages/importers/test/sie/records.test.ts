import { describe, expect, it } from 'vitest'
import { HEAD, HEAD_LINES, lines, parseOk } from './helpers.ts'

const voucher = (body: string) => `${HEAD}#VER A 1 20240310 "Hyra mars"\n{\n${body}}\n`

describe('records', () => {
  it.each([
    {
      name: 'the header records give flag, format, type, program, generation, company and org. number',
      text: `#FLAGGA 1\n#FORMAT PC8\n#SIETYP 4\n#PROGRAM "Ekonomi" "2.1"\n#GEN 20240115 "Kalle"\n#FNAMN "Älvsby kommun"\n#ORGNR 212000-2627\n`,
      expected: {
        flag: 1,
        format: 'PC8',
        sieType: 4,
        program: { name: 'Ekonomi', version: '2.1' },
        generated: { date: '20240115', by: 'Kalle' },
        companyName: 'Älvsby kommun',
        orgNumber: '212000-2627',
      },
    },
    {
      name: 'type 2 is a file of period balances',
      text: '#SIETYP 2\n',
      expected: { sieType: 2, variant: null },
    },
    { name: 'type 3 is a file of object balances', text: '#SIETYP 3\n', expected: { sieType: 3 } },
    {
      name: 'a "4I" type names the import variant',
      text: '#SIETYP 4I\n',
      expected: { sieType: 4, variant: 'I' },
    },
    {
      name: 'a "4E" type names the export variant',
      text: '#SIETYP 4e\n',
      expected: { sieType: 4, variant: 'E' },
    },
    {
      name: 'fiscal years are listed current year first, with their index',
      text: '#RAR -1 20230101 20231231\n#RAR 0 20240101 20241231\n',
      expected: {
        fiscalYears: [
          { index: 0, start: '20240101', end: '20241231', line: 2 },
          { index: -1, start: '20230101', end: '20231231', line: 1 },
        ],
      },
    },
    {
      name: 'accounts take quoted or bare names and the type of #KTYP, even when #KTYP comes first',
      text: '#KTYP 3010 I\n#KONTO 3010 "Försäljning, tjänster"\n#KONTO 5010 Lokalhyra\n',
      expected: {
        accounts: [
          { number: '3010', name: 'Försäljning, tjänster', type: 'I', line: 2 },
          { number: '5010', name: 'Lokalhyra', type: null, line: 3 },
        ],
      },
    },
    {
      name: 'a repeated account replaces the earlier declaration',
      text: '#KONTO 3010 "Gammalt"\n#KONTO 3010 "Nytt"\n',
      expected: { accounts: [{ number: '3010', name: 'Nytt', line: 2 }] },
    },
    {
      name: 'dimensions, sub-dimensions and objects with unquoted, space-padded ids',
      text: '#DIM 1 Kostnadsställe\n#DIM 6 "Projekt"\n#UNDERDIM 61 "Delprojekt" 6\n#OBJEKT 1 AO         "Anders Olsson"\n#OBJEKT 61 "0036 " "Kubernetes"\n',
      expected: {
        dimensions: [
          { number: 1, name: 'Kostnadsställe', parent: null },
          { number: 6, name: 'Projekt', parent: null },
          { number: 61, name: 'Delprojekt', parent: 6 },
        ],
        objects: [
          { dimension: 1, id: 'AO', name: 'Anders Olsson' },
          { dimension: 61, id: '0036', name: 'Kubernetes' },
        ],
      },
    },
    {
      name: 'opening, closing and result balances are exact öre',
      text: '#IB 0 1930 1000.5\n#UB 0 1930 -0.03\n#RES -1 3010 -12345678901.99 4\n',
      expected: {
        yearBalances: [
          { kind: 'IB', year: 0, account: '1930', amountOre: 100050n, quantity: null },
          { kind: 'UB', year: 0, account: '1930', amountOre: -3n },
          { kind: 'RES', year: -1, account: '3010', amountOre: -1234567890199n, quantity: '4' },
        ],
      },
    },
    {
      name: 'period balances and budgets read {}, { }, several pairs, quoted pairs and a missing list',
      text: lines(`
        #PSALDO 0 202401 3010 {} -100.00
        #PSALDO 0 202401 3010 { } -1.00
        #PBUDGET 0 202402 5010 {1 Nord 6 0001} 25.50
        #PBUDGET 0 202402 5010 {"1" "Syd" "7" "4"} 1
        #PSALDO 0 202403 5010 7.25 3
      `),
      expected: {
        periodBalances: [
          { kind: 'PSALDO', period: '202401', account: '3010', objects: [], amountOre: -10000n },
          { kind: 'PSALDO', objects: [], amountOre: -100n },
          {
            kind: 'PBUDGET',
            period: '202402',
            objects: [
              { dimension: 1, id: 'Nord' },
              { dimension: 6, id: '0001' },
            ],
            amountOre: 2550n,
          },
          {
            objects: [
              { dimension: 1, id: 'Syd' },
              { dimension: 7, id: '4' },
            ],
            amountOre: 100n,
          },
          { kind: 'PSALDO', period: '202403', objects: [], amountOre: 725n, quantity: '3' },
        ],
      },
    },
    {
      name: 'a voucher holds its rows with their own date, text and quantity when given',
      text: voucher('  #TRANS 5010 {1 "100"} 2500.00 20240305 "Hyra" 1.5\n  #TRANS 1930 {} -2500.00\n'),
      expected: {
        vouchers: [
          {
            series: 'A',
            number: '1',
            date: '20240310',
            text: 'Hyra mars',
            registeredOn: null,
            line: HEAD_LINES + 1,
            rows: [
              {
                kind: 'TRANS',
                account: '5010',
                objects: [{ dimension: 1, id: '100' }],
                amountOre: 250000n,
                date: '20240305',
                text: 'Hyra',
                quantity: '1.5',
                line: HEAD_LINES + 3,
              },
              { kind: 'TRANS', account: '1930', date: null, text: null, quantity: null },
            ],
          },
        ],
      },
    },
    {
      name: 'added and removed rows (#RTRANS, #BTRANS) are kept apart from #TRANS',
      text: voucher(
        '#BTRANS 5010 {} 100.00\n#RTRANS 5010 {} 200.00\n#TRANS 5010 {} 200.00\n#TRANS 1930 {} -200.00\n',
      ),
      expected: {
        vouchers: [{ rows: [{ kind: 'BTRANS' }, { kind: 'RTRANS' }, { kind: 'TRANS' }, { kind: 'TRANS' }] }],
      },
    },
    {
      name: 'a row without an object list reads the amount from the third field',
      text: voucher('#TRANS 5010 100.00\n#TRANS 1930 -100.00\n'),
      expected: { vouchers: [{ rows: [{ objects: [], amountOre: 10000n }, { amountOre: -10000n }] }] },
    },
    {
      name: 'voucher series and number may be empty, and a registration date is read',
      text: `${HEAD}#VER "" "" 20240225 "Löner" 20240301\n{\n#TRANS 1930 {} -1\n#TRANS 5010 {} 1\n}\n`,
      expected: { vouchers: [{ series: '', number: '', text: 'Löner', registeredOn: '20240301' }] },
    },
    {
      name: 'quoted texts keep escaped quotes and plain backslashes',
      text: '#FNAMN "Bolaget \\"Norr\\" AB"\n#PROGRAM "C:\\Program\\Ekonomi" "1\\\\2"\n',
      expected: {
        companyName: 'Bolaget "Norr" AB',
        program: { name: 'C:\\Program\\Ekonomi', version: '1\\2' },
      },
    },
    {
      name: 'TAB-separated fields, trailing "" fields and { } lists are read like spaces',
      text: `#KONTO\t3010\t"Intäkter"\n#KONTO\t1930\tBank\n#VER\t1 1 20240912 "" 20240612\n{\t\n\t#TRANS\t3010 { } -10.00 20240912 "" ""\n\t#TRANS\t1930 { } 10.00 20240912 "" ""\n}\t\n`,
      expected: {
        accounts: [{ number: '3010', name: 'Intäkter' }, { number: '1930' }],
        vouchers: [{ series: '1', rows: [{ amountOre: -1000n, text: null, quantity: null }, {}] }],
      },
    },
    {
      name: 'extra trailing fields are ignored',
      text: '#KONTO 3010 "Intäkter" extra "fält"\n#ORGNR "000000-0000" 1 2\n#PSALDO 0 202401 3010 {} 5.00 1 2 3\n',
      expected: {
        accounts: [{ name: 'Intäkter' }],
        orgNumber: '000000-0000',
        periodBalances: [{ amountOre: 500n }],
      },
    },
    {
      name: 'unknown labels are ignored, and so is a block that follows one',
      text: '#ADRESS "Box 1" "123 45"\n#NYPOST 1\n{\n#TRANS 9999 {} 1\n}\n#SRU 3010 7201\n#KSUMMA 12345\n#KONTO 3010 X\n',
      expected: { accounts: [{ number: '3010', name: 'X', line: 8 }], vouchers: [] },
    },
    {
      name: 'labels are read case-insensitively and lines may be indented',
      text: '   #konto 3010 "X"\n\t#Fnamn Y\n',
      expected: { accounts: [{ number: '3010' }], companyName: 'Y' },
    },
    {
      name: 'CRLF line ends are read like LF',
      text: '#FNAMN "A"\r\n#KONTO 3010 "B"\r\n',
      expected: { companyName: 'A', accounts: [{ name: 'B', line: 2 }] },
    },
    {
      name: 'lone CR line ends are read like LF',
      text: '#FNAMN "A"\r#KONTO 3010 "B"\r',
      expected: { companyName: 'A', accounts: [{ name: 'B', line: 2 }] },
    },
    {
      name: 'a file without #FORMAT is read as PC8',
      text: '#SIETYP 4\n#FNAMN "Övningsföretaget"\n',
      expected: { format: null, encoding: 'cp437', companyName: 'Övningsföretaget' },
    },
  ])('$name', ({ text, expected }) => {
    expect(parseOk(text)).toMatchObject(expected)
  })

  it.each([
    { name: 'a .SI file of type 4 is an import file', fileName: 'LON.SI', variant: 'I' },
    { name: 'a .se file of type 4 is an export file', fileName: 'bok.se', variant: 'E' },
    { name: 'another extension says nothing about the variant', fileName: 'bok.txt', variant: null },
  ])('$name', ({ fileName, variant }) => {
    expect(parseOk('#SIETYP 4\n', { fileName }).variant).toBe(variant)
  })

  it('an empty object id counts as no object', () => {
    const file = parseOk('#PSALDO 0 202401 3010 {1 ""} 5.00\n')
    expect(file.periodBalances[0]?.objects).toEqual([])
  })
})
