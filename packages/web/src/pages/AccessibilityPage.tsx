import { Link } from '@tanstack/react-router'
import { Breadcrumbs } from '../components/Breadcrumbs.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { usePageTitle } from '../lib/page.ts'

export function AccessibilityPage() {
  usePageTitle(['Tillgänglighetsredogörelse'])
  return (
    <>
      <Breadcrumbs current="Tillgänglighetsredogörelse">
        <Link to="/">Start</Link>
      </Breadcrumbs>
      <PageHeading>Tillgänglighetsredogörelse</PageHeading>
      <div className="prose">
        <p className="lead">
          Årshjul ska kunna användas av alla, oavsett funktionsförmåga. Här beskriver vi hur tjänsten
          uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och
          hur du kan rapportera problem.
        </p>

        <h2>Vilken standard tjänsten följer</h2>
        <p>
          Tjänsten omfattas av lagen (2018:1937) om tillgänglighet till digital offentlig service. Lagen
          hänvisar till den europeiska standarden EN 301 549, som i sin tur bygger på WCAG 2.1 på nivå AA.
          Målet är att tjänsten uppfyller samtliga krav på den nivån.
        </p>

        <h2>Hur tjänsten är tillgänglig</h2>
        <ul>
          <li>Allt går att använda med enbart tangentbord, och fokus syns tydligt.</li>
          <li>Sidorna har rubriker, landmärken och en länk för att hoppa direkt till huvudinnehållet.</li>
          <li>
            Bedömningar visas alltid med symbol och text, inte bara med färg, och texten har tillräcklig
            kontrast.
          </li>
          <li>Varje diagram har en textbeskrivning och en tabell med samma uppgifter.</li>
          <li>Innehållet går att förstora och fungerar på smala skärmar utan sidledsrullning.</li>
        </ul>

        <h2>Kända brister</h2>
        <p>Vi känner inte till några brister i tillgängligheten just nu.</p>

        <h2>Så har vi testat tjänsten</h2>
        <p>
          Varje sida granskas automatiskt med verktyget axe mot kraven i WCAG 2.1 nivå A och AA vid varje
          ändring av programvaran. Dessutom testas tangentbordsnavigering och att sidorna fungerar i 320
          pixlars bredd.
        </p>

        <h2>Rapportera brister i tillgängligheten</h2>
        <p>
          Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format,
          kontakta kommunens förvaltning. Ange vilken sida det gäller och beskriv problemet, så hjälper vi dig
          och rättar felet så snart vi kan.
        </p>
        <p>
          Årshjul är öppen programvara. Gäller felet själva programvaran kan det också rapporteras i
          projektets ärendelista (issue tracker) där programvaran utvecklas.
        </p>

        <h2>Tillsyn</h2>
        <p>
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet
          till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
          kontakta Digg och påtala det.
        </p>
      </div>
    </>
  )
}
