import { Command, InvalidArgumentError, Option } from 'commander'
import { exportEconomyCommand, importSieCommand } from './commands/economy.ts'
import { migrateCommand } from './commands/migrate.ts'
import { reportCommand } from './commands/report.ts'
import { seedDemoCommand } from './commands/seed.ts'
import { serveCommand } from './commands/serve.ts'
import { fail } from './open.ts'

const program = new Command()
  .name('arshjul')
  .description('Årshjul – planering och uppföljning för kommuner')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) })

const port = (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('Porten ska vara ett heltal 0–65535.')
  return n
}
const dataDirHelp =
  'katalog för den inbäddade databasen (även ARSHJUL_DATA_DIR; standard ./data). Ignoreras när DATABASE_URL är satt'

program
  .command('serve')
  .description(
    'Starta webbappen och API:t (migrerar databasen och laddar demodata i en tom inbäddad databas)',
  )
  .option('-p, --port <port>', 'port att lyssna på (även PORT; standard 3000)', port)
  .option('--host <host>', 'adress att lyssna på (även HOST; standard 127.0.0.1)')
  .option('--data-dir <dir>', dataDirHelp)
  .option('--no-seed', 'ladda inte demodata i en tom databas')
  .action(serveCommand)

program
  .command('migrate')
  .description('Kör databasmigreringar som inte redan körts')
  .option('--data-dir <dir>', dataDirHelp)
  .action(migrateCommand)

program
  .command('seed')
  .description('Ladda data')
  .command('demo')
  .description('Ladda demokommunerna (Luleå, Linköping) från källdokumenten; ersätter deras tidigare data')
  .option('--data-dir <dir>', dataDirHelp)
  .option('--reset', 'ladda om även om demokommunerna har ändringar gjorda i Årshjul (de raderas)')
  .action(seedDemoCommand)

const year = (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('Året ska vara ett årtal, t.ex. 2024.')
  return n
}
const municipalityCode = (value: string) => {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('Kommunkoden ska vara fyra siffror, t.ex. 2580.')
  return value
}

program
  .command('import')
  .description('Importera data')
  .command('sie')
  .description(
    'Importera utfall och budget ur en SIE 4-fil (allt eller inget; ersätter en tidigare import för året)',
  )
  .argument('<fil>', 'SIE-filen')
  .requiredOption('--municipality <kod>', 'kommunkod, t.ex. 2580', municipalityCode)
  .requiredOption('--year <år>', 'räkenskapsåret', year)
  .option('--accept-new-cost-centres', 'lägg till okända ansvar som nya (kopplas till enheter senare)')
  .option('--allow-unbalanced', 'läs filen trots verifikationer som inte balanserar (de visas som varningar)')
  .option('--activity-dimension <nummer>', 'dimensionen i filen som har SCB:s verksamhetskoder', (v) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 1 || n > 99)
      throw new InvalidArgumentError('Dimensionen ska vara ett heltal 1–99.')
    return n
  })
  .option('--dry-run', 'visa bara vad som skulle ändras')
  .option('--data-dir <dir>', dataDirHelp)
  .action(importSieCommand)

program
  .command('economy')
  .description('Ekonomi')
  .command('export')
  .description('Skriv utfall och budget per ansvar, konto och månad (CSV i samma kolumner som mallen)')
  .requiredOption('--municipality <kod>', 'kommunkod, t.ex. 2580', municipalityCode)
  .requiredOption('--year <år>', 'året', year)
  .option('--format <format>', 'filformat', 'csv')
  .option('-o, --output <fil>', 'skriv till filen i stället för standard ut')
  .option('--data-dir <dir>', dataDirHelp)
  .action(exportEconomyCommand)

program
  .command('report')
  .description(
    'Skriv en nämnds dokument för en uppföljning: verksamhetsplan, månads- eller delårsrapport, verksamhetsberättelse',
  )
  .requiredOption('--municipality <kod>', 'kommunkod, t.ex. 2580', municipalityCode)
  .option('--board <nämnd>', 'nämndens nyckel, t.ex. ks')
  .option('--compilation', 'kommunens sammanställning av alla nämnders verksamhetsberättelser (med --year)')
  .addOption(
    new Option('--kind <slag>', 'dokumentets slag (med --year)').choices([
      'business-plan',
      'monthly',
      'tertial',
      'interim',
      'annual',
    ]),
  )
  .option('--year <år>', 'året (med --kind)', year)
  .option('--follow-up <nyckel>', 'uppföljningens nyckel, i stället för --kind och --year')
  .addOption(
    new Option('--format <format>', 'filformat').choices(['pdf', 'docx', 'xlsx', 'html']).default('pdf'),
  )
  .requiredOption('--out <fil>', 'filen att skriva')
  .option('--despite-errors', 'skriv dokumentet även om en kontroll misslyckas (felen listas)')
  .option('--data-dir <dir>', dataDirHelp)
  .action(reportCommand)

program.parseAsync(process.argv).catch(fail)
