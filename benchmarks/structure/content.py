"""The people in the labelled structure set: fictional, written for this project.

Each persona is a list of sections; a section has a canonical id (the one the structure
ruler scores against, see ``score_structure.py``), the heading wording a template may use,
and its items. Templates in ``build.py`` lay the same persona out in different shapes, so
the set tests layouts, not writing styles alone.

Phone numbers are 555-01xx, e-mail addresses are at example.com, and every employer,
school, journal and licence number is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """A dated item: a post, a degree, a training programme."""

    title: str
    org: str
    when: str
    place: str = ""
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line item (a skill group, a licence, a publication)."""

    text: str


@dataclass(frozen=True)
class Para:
    text: str


Item = Entry | Line | Para


@dataclass(frozen=True)
class Sec:
    sid: str
    title: str
    items: tuple[Item, ...]
    #: Extra canonical ids the section may honestly be filed under.
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Persona:
    name: str
    tagline: str
    contact: tuple[str, ...]
    sections: tuple[Sec, ...] = field(default_factory=tuple)

    def get(self, sid: str) -> Sec:
        return next(s for s in self.sections if s.sid == sid)

    def without(self, *sids: str) -> tuple[Sec, ...]:
        return tuple(s for s in self.sections if s.sid not in sids)


PAIN = Persona(
    name="Amara Okafor-Lindqvist, MD",
    tagline="Interventional Pain Medicine Physician",
    contact=("amara.okafor@example.com", "(414) 555-0131", "Milwaukee, WI 53202"),
    sections=(
        Sec("summary", "Professional Summary", (
            Para("Board-certified anesthesiologist with fellowship training in interventional "
                 "pain medicine and seven years of outpatient and hospital practice. Builds "
                 "multidisciplinary care plans that pair image-guided procedures with physical "
                 "therapy, behavioral health and careful opioid stewardship."),
        )),
        Sec("experience", "Professional Experience", (
            Entry("Attending Physician, Interventional Pain", "Lakeshore Spine and Pain Institute",
                  "2019 - Present", "Milwaukee, WI", (
                      "Perform about 1,400 fluoroscopic and ultrasound-guided procedures a year "
                      "across two ambulatory surgery centers",
                      "Started a spinal cord stimulator trial pathway that cut the median wait "
                      "from nine weeks to four",
                      "Chair the monthly opioid safety review with pharmacy and primary care "
                      "partners",
                  )),
            Entry("Staff Anesthesiologist", "Cedar Valley Regional Hospital", "2016 - 2018",
                  "Green Bay, WI", (
                      "Provided general and regional anesthesia for orthopedic and trauma "
                      "surgery",
                      "Ran the acute pain consult service on weekends for the surgical floors",
                  )),
        )),
        Sec("fellowship", "Fellowship", (
            Entry("Pain Medicine Fellowship", "Northfield University Hospital", "2018 - 2019",
                  "Chicago, IL", (
                      "Trained in radiofrequency ablation, kyphoplasty and intrathecal pump "
                      "management",
                  )),
        )),
        Sec("residency", "Residency", (
            Entry("Anesthesiology Residency", "Northfield University Hospital", "2012 - 2016",
                  "Chicago, IL", ("Chief resident for the final year of training",)),
        )),
        Sec("education", "Education", (
            Entry("Doctor of Medicine", "Prairie State College of Medicine", "2008 - 2012",
                  "Urbana, IL"),
            Entry("Bachelor of Science in Biochemistry", "Lake Forest Teachers College",
                  "2004 - 2008", "Lake Forest, IL"),
        )),
        Sec("board_certification", "Board Certification", (
            Line("American Board of Anesthesiology, Pain Medicine subspecialty, certified 2019"),
            Line("American Board of Anesthesiology, Anesthesiology, certified 2017"),
        )),
        Sec("licensure", "Licensure", (
            Line("Wisconsin medical license 58213-20, active through 2026"),
            Line("Illinois medical license 036.144592, inactive since 2019"),
            Line("DEA registration, active, schedules II through V"),
        )),
        Sec("procedures", "Procedures", (
            Line("Cervical and lumbar epidural steroid injections, transforaminal and "
                 "interlaminar"),
            Line("Medial branch blocks and radiofrequency ablation of facet joints"),
            Line("Spinal cord stimulator trials and permanent implants"),
        )),
        Sec("publications", "Publications", (
            Line("Okafor-Lindqvist A, Reyes T. Ultrasound guidance for genicular nerve blocks: "
                 "a two-year audit. Journal of Regional Pain Practice. 2021;14(3):211-219."),
            Line("Okafor-Lindqvist A. Tapering long-term opioid therapy in a community "
                 "clinic. Midwest Pain Review. 2020;8(1):33-41."),
        )),
        Sec("memberships", "Professional Memberships", (
            Line("American Society of Regional Anesthesia and Pain Medicine"),
            Line("Wisconsin Society of Anesthesiologists, board member 2021 - 2023"),
        )),
        Sec("awards", "Honors and Awards", (
            Line("Fellow Teaching Award, Northfield University Hospital, 2019"),
            Line("Resident Research Prize for a poster on sleep after spine surgery, 2015"),
        )),
    ),
)

SWE = Persona(
    name="Tomasz Brennan-Achebe",
    tagline="Backend Software Engineer",
    contact=("tomasz.brennan@example.com", "(206) 555-0158", "Seattle, WA",
             "github.com/tbrennan-example"),
    sections=(
        Sec("summary", "Profile", (
            Para("Backend engineer who likes quiet systems: message queues that drain, "
                 "dashboards nobody needs to stare at, and on-call rotations that sleep "
                 "through the night. Eight years with Go, Python and PostgreSQL."),
        )),
        Sec("experience", "Experience", (
            Entry("Senior Software Engineer", "Harborline Freight Software", "2021 - Present",
                  "Seattle, WA", (
                      "Rebuilt the shipment tracking pipeline on Kafka, handling 30,000 "
                      "events a second at peak",
                      "Cut the monthly cloud bill by 22% by moving batch reports to spot "
                      "instances",
                      "Mentor four engineers and run the weekly architecture review",
                  )),
            Entry("Software Engineer", "Northbeam Analytics", "2018 - 2021", "Portland, OR", (
                "Wrote the ingestion service for customer clickstream data in Go",
                "Added contract tests that caught schema drift before each release",
            )),
            Entry("Junior Developer", "Cascade Civic Apps", "2016 - 2018", "Tacoma, WA", (
                "Maintained the permit booking site used by three city offices",
            )),
        )),
        Sec("projects", "Projects", (
            Line("tidewatch: an open-source tide table command-line tool with 900 stars"),
            Line("ledgerlite: a double-entry bookkeeping library for small nonprofits"),
        )),
        Sec("education", "Education", (
            Entry("B.S. Computer Science", "Puget Sound Polytechnic", "2012 - 2016",
                  "Tacoma, WA", ("Senior thesis on consistent hashing for cache clusters",)),
        )),
        Sec("skills", "Skills", (
            Line("Languages: Go, Python, SQL, TypeScript"),
            Line("Infrastructure: Kubernetes, Terraform, Kafka, Redis"),
            Line("Practices: code review, incident response, load testing"),
        )),
        Sec("certifications", "Certifications", (
            Line("Certified Kubernetes Administrator, 2022"),
            Line("Cloud Solutions Architect Associate, 2020"),
        ), also=("board_certification",)),
        Sec("languages", "Languages", (
            Line("English (native), Polish (fluent), Yoruba (conversational)"),
        )),
    ),
)

NP = Persona(
    name="Priya Valdes-Whitcombe, DNP, FNP-BC",
    tagline="Family Nurse Practitioner",
    contact=("priya.valdes@example.com", "(512) 555-0176", "Austin, TX"),
    sections=(
        Sec("summary", "Summary", (
            Para("Family nurse practitioner with ten years in rural and community clinics. "
                 "Comfortable running a full primary care panel, teaching diabetes self-care "
                 "and precepting nursing students."),
        )),
        Sec("experience", "Clinical Experience", (
            Entry("Family Nurse Practitioner", "Hill Country Community Health", "2019 - Present",
                  "Austin, TX", (
                      "Manage a panel of 1,800 patients with chronic and acute conditions",
                      "Lowered the clinic's average A1c from 8.4 to 7.6 through group visits",
                      "Lead the telehealth program for patients in three rural counties",
                  )),
            Entry("Registered Nurse, Emergency Department", "Bluebonnet General Hospital",
                  "2014 - 2019", "Round Rock, TX", (
                      "Triaged up to 60 patients a shift in a level II trauma center",
                      "Served on the sepsis bundle compliance committee",
                  )),
        )),
        Sec("education", "Education", (
            Entry("Doctor of Nursing Practice", "Brazos River University", "2017 - 2019",
                  "Waco, TX"),
            Entry("Bachelor of Science in Nursing", "Pecos Valley College", "2010 - 2014",
                  "San Angelo, TX"),
        )),
        Sec("licensure", "Licensure", (
            Line("Texas Advanced Practice Registered Nurse license AP-104417, active"),
            Line("Texas Registered Nurse license 771203, active"),
        )),
        Sec("certifications", "Certifications", (
            Line("Family Nurse Practitioner, Board Certified, 2019"),
            Line("Advanced Cardiovascular Life Support, renewed 2024"),
        ), also=("board_certification",)),
        Sec("skills", "Skills", (
            Line("Chronic disease management, women's health, minor procedures"),
            Line("Spanish for clinical conversations"),
        )),
        Sec("volunteer", "Volunteer Experience", (
            Line("Free clinic volunteer, Eastside Neighbors Health Night, monthly since 2015"),
            Line("Camp nurse, Lone Star Diabetes Youth Camp, summers 2016 - 2022"),
        )),
    ),
)

ACADEMIC = Persona(
    name="Henrik Osei-Marchetti, MD, PhD",
    tagline="Associate Professor of Anesthesiology and Pain Medicine",
    contact=("henrik.osei@example.com", "(608) 555-0112", "Department of Anesthesiology",
             "Badger Valley University, Madison, WI"),
    sections=(
        Sec("education", "Education", (
            Entry("Doctor of Philosophy in Neuroscience", "Badger Valley University",
                  "2004 - 2008", "Madison, WI", ("Dissertation on dorsal horn plasticity "
                                                 "after peripheral nerve injury",)),
            Entry("Doctor of Medicine", "Badger Valley University School of Medicine",
                  "2002 - 2010", "Madison, WI"),
        )),
        Sec("residency", "Postgraduate Training", (
            Entry("Residency in Anesthesiology", "Great Lakes Medical Center", "2010 - 2014",
                  "Ann Arbor, MI"),
            Entry("Fellowship in Pain Medicine", "Great Lakes Medical Center", "2014 - 2015",
                  "Ann Arbor, MI"),
        ), also=("fellowship",)),
        Sec("experience", "Clinical Appointments", (
            Entry("Associate Professor of Anesthesiology", "Badger Valley University",
                  "2020 - Present", "Madison, WI", (
                      "Attending physician in the multidisciplinary pain clinic two days a week",
                      "Director of the interventional pain procedure suite",
                  )),
            Entry("Assistant Professor of Anesthesiology", "Badger Valley University",
                  "2015 - 2020", "Madison, WI", (
                      "Built the inpatient regional anesthesia consult service",
                  )),
        )),
        Sec("other", "Hospital Privileges", (
            Line("Badger Valley University Hospital, active staff, anesthesiology and pain "
                 "medicine"),
            Line("Four Lakes Veterans Medical Center, consulting staff"),
        )),
        Sec("research", "Research Experience", (
            Entry("Principal Investigator, Neuropathic Pain Laboratory",
                  "Badger Valley University", "2016 - Present", "Madison, WI", (
                      "Leads a group of two postdoctoral fellows and three graduate students "
                      "studying spinal microglia",
                      "Runs a randomized trial of pulsed radiofrequency for chronic knee pain",
                  )),
        )),
        Sec("other", "Grants and Funding", (
            Line("R01 investigator award, spinal glial signalling in chronic pain, 2019 - 2024"),
            Line("Foundation pilot grant for wearable sleep monitoring in pain patients, 2017"),
        )),
        Sec("publications", "Peer-Reviewed Publications", (
            Line("Osei-Marchetti H, Lund K, Baptiste R. Microglial priming and the persistence "
                 "of mechanical allodynia. Journal of Pain Neuroscience. 2022;31:104-118. "
                 "doi:10.5555/jpn.2022.0104"),
            Line("Lund K, Osei-Marchetti H. Pulsed radiofrequency versus sham for knee "
                 "osteoarthritis pain: a pilot trial. Regional Anesthesia Reports. "
                 "2021;9:55-63. doi:10.5555/rar.2021.0055"),
            Line("Osei-Marchetti H. Sleep fragmentation predicts opioid escalation. "
                 "Clinical Pain Letters. 2019;12:7-15. doi:10.5555/cpl.2019.0007"),
        )),
        Sec("presentations", "Invited Lectures", (
            Line("Glia, sleep and the chronic pain patient. Midwest Anesthesia Congress, "
                 "Chicago, 2023"),
            Line("Designing sham-controlled procedure trials. Pain Research Forum, Denver, 2021"),
        )),
        Sec("teaching", "Teaching and Mentoring", (
            Line("Course director, neuroscience of pain, second-year medical students, "
                 "since 2017"),
            Line("Mentor to eleven residents and four pain fellows on research projects"),
        )),
        Sec("other", "Committee Service", (
            Line("Institutional review board member, 2018 - 2022"),
            Line("Residency selection committee, anesthesiology, since 2016"),
        ), also=("memberships", "volunteer")),
        Sec("memberships", "Professional Societies", (
            Line("International Association for the Study of Pain"),
            Line("American Society of Anesthesiologists"),
        )),
        Sec("awards", "Honors", (
            Line("Early Career Investigator Award, Pain Research Forum, 2018"),
            Line("Excellence in Teaching, Badger Valley School of Medicine, 2021"),
        )),
    ),
)

ANALYST = Persona(
    name="Marisol Kettering",
    tagline="Data Analyst",
    contact=("marisol.kettering@example.com", "(303) 555-0164", "Denver, CO"),
    sections=(
        Sec("summary", "Summary", (
            Para("Data analyst with five years in retail and health insurance. Turns messy "
                 "spreadsheets into dashboards that managers actually open."),
        )),
        Sec("experience", "Work Experience", (
            Entry("Senior Data Analyst", "Front Range Health Plans", "March 2021 to Present",
                  "Denver, CO", (
                      "Built the claims anomaly dashboard used by the fraud team every morning",
                      "Automated the monthly membership report, saving two days of manual work",
                  )),
            Entry("Data Analyst", "Aspen Outfitters", "June 2018 to February 2021",
                  "Boulder, CO", (
                      "Forecast seasonal demand for 140 stores with a mean error under 6%",
                      "Trained store managers to read the weekly sales scorecard",
                  )),
        )),
        Sec("education", "Education", (
            Entry("Bachelor of Arts in Economics", "University of the High Plains",
                  "2014 - 2018", "Greeley, CO"),
        )),
        Sec("skills", "Skills", (
            Line("SQL (5 years), Python (4 years), Tableau (4 years), Excel (6 years)"),
            Line("A/B testing, forecasting, data cleaning"),
        )),
        Sec("certifications", "Certifications and Licenses", (
            Line("Tableau Desktop Specialist, May 2020 to Present"),
            Line("Google Data Analytics Certificate, January 2019"),
        ), also=("board_certification", "licensure")),
        Sec("languages", "Languages", (Line("Spanish - Fluent"), Line("English - Native"))),
    ),
)

ES = Persona(
    name="Lucía Ferrer Montalbán",
    tagline="Médica especialista en Anestesiología y Tratamiento del Dolor",
    contact=("lucia.ferrer@example.com", "+34 600 555 0123", "Valencia, España"),
    sections=(
        Sec("summary", "Perfil Profesional", (
            Para("Anestesióloga con formación específica en unidades del dolor y ocho años de "
                 "experiencia en técnicas intervencionistas guiadas por ecografía."),
        )),
        Sec("experience", "Experiencia Profesional", (
            Entry("Facultativa Especialista de Área", "Hospital Universitario del Turia",
                  "2018 - Actualidad", "Valencia", (
                      "Responsable de la consulta de dolor crónico no oncológico",
                      "Realiza bloqueos radiculares y radiofrecuencia de facetas lumbares",
                  )),
            Entry("Médica Adjunta de Anestesiología", "Hospital Comarcal de la Safor",
                  "2015 - 2018", "Gandia", ("Anestesia regional en cirugía ortopédica",)),
        )),
        Sec("education", "Formación Académica", (
            Entry("Especialidad en Anestesiología y Reanimación (MIR)",
                  "Hospital Clínico de Levante", "2011 - 2015", "Valencia"),
            Entry("Licenciatura en Medicina y Cirugía", "Universidad de la Albufera",
                  "2005 - 2011", "Valencia"),
        )),
        Sec("certifications", "Certificaciones", (
            Line("Diploma Europeo en Medicina del Dolor, 2017"),
        ), also=("board_certification",)),
        Sec("languages", "Idiomas", (Line("Español y valenciano nativos; inglés nivel C1"),)),
        Sec("skills", "Habilidades", (
            Line("Ecografía intervencionista, neuromodulación, trabajo en equipo"),
        )),
        Sec("publications", "Publicaciones", (
            Line("Ferrer Montalbán L. Radiofrecuencia pulsada del nervio supraescapular. "
                 "Revista de la Sociedad del Dolor. 2020;27:90-97."),
        )),
    ),
)

FR = Persona(
    name="Camille Dufresne-Aubry",
    tagline="Ingénieure logiciel",
    contact=("camille.dufresne@example.com", "+33 6 55 50 01 42", "Lyon, France"),
    sections=(
        Sec("summary", "Profil", (
            Para("Ingénieure logiciel passionnée par les systèmes distribués et la qualité du "
                 "code, avec six ans d'expérience en Python et en Rust."),
        )),
        Sec("experience", "Expérience professionnelle", (
            Entry("Ingénieure logiciel senior", "Rhône Données SAS", "2020 - aujourd'hui",
                  "Lyon", (
                      "Conception d'un service de facturation traitant deux millions de "
                      "factures par mois",
                      "Encadrement de trois développeurs juniors",
                  )),
            Entry("Développeuse backend", "Atelier Numérique Confluence", "2017 - 2020", "Lyon",
                  ("Migration d'une application monolithique vers des microservices",)),
        )),
        Sec("education", "Formation", (
            Entry("Diplôme d'ingénieur en informatique", "École Supérieure des Alpes",
                  "2014 - 2017", "Grenoble"),
        )),
        Sec("skills", "Compétences", (
            Line("Python, Rust, PostgreSQL, Kubernetes, intégration continue"),
        )),
        Sec("languages", "Langues", (Line("Français langue maternelle, anglais courant"),)),
        Sec("interests", "Centres d'intérêt", (Line("Escalade, photographie argentique"),)),
    ),
)

DE = Persona(
    name="Jonas Eberhardt-Kühn",
    tagline="Facharzt für Anästhesiologie, Spezielle Schmerztherapie",
    contact=("jonas.eberhardt@example.com", "+49 30 5550 1187", "Berlin"),
    sections=(
        Sec("summary", "Kurzprofil", (
            Para("Facharzt mit Zusatzbezeichnung Spezielle Schmerztherapie und zehn Jahren "
                 "Erfahrung in der interdisziplinären Versorgung chronischer Schmerzpatienten."),
        )),
        Sec("experience", "Berufserfahrung", (
            Entry("Oberarzt Schmerzambulanz", "Klinikum Spreetal", "seit 2019", "Berlin", (
                "Leitung der multimodalen Schmerztherapie mit zwölf Behandlungsplätzen",
                "Durchführung von rückenmarksnahen Interventionen unter Bildgebung",
            )),
            Entry("Assistenzarzt Anästhesiologie", "Städtisches Krankenhaus Havelland",
                  "2013 - 2019", "Potsdam", ("Notarztdienst und Intensivmedizin",)),
        )),
        Sec("education", "Ausbildung", (
            Entry("Studium der Humanmedizin", "Universität Märkische Heide", "2006 - 2013",
                  "Frankfurt (Oder)"),
        )),
        Sec("certifications", "Weiterbildung", (
            Line("Facharztanerkennung Anästhesiologie, Ärztekammer Berlin, 2018"),
            Line("Zusatzbezeichnung Spezielle Schmerztherapie, 2020"),
        ), also=("board_certification", "education")),
        Sec("skills", "Kenntnisse", (
            Line("Ultraschallgesteuerte Regionalanästhesie, Akupunktur"),
        )),
        Sec("languages", "Sprachen", (Line("Deutsch Muttersprache, Englisch fließend"),)),
    ),
)

PT = Persona(
    name="Beatriz Almeida Tavares",
    tagline="Analista de Dados",
    contact=("beatriz.tavares@example.com", "+55 11 5550-0193", "São Paulo, SP"),
    sections=(
        Sec("summary", "Resumo", (
            Para("Analista de dados com quatro anos de experiência em varejo e saúde "
                 "suplementar, focada em painéis e automação de relatórios."),
        )),
        Sec("experience", "Experiência Profissional", (
            Entry("Analista de Dados Pleno", "Rede Farmácias Ipiranga Sul", "2021 - atual",
                  "São Paulo", (
                      "Criação de painéis de vendas usados por oitenta gerentes de loja",
                      "Automação do fechamento mensal com Python e SQL",
                  )),
            Entry("Estagiária de Dados", "Saúde Mais Operadora", "2019 - 2021", "Campinas",
                  ("Limpeza e validação de bases de sinistros",)),
        )),
        Sec("education", "Formação Acadêmica", (
            Entry("Bacharelado em Estatística", "Universidade do Vale do Tietê", "2015 - 2019",
                  "Campinas"),
        )),
        Sec("skills", "Competências", (Line("SQL, Python, Power BI, modelagem estatística"),)),
        Sec("languages", "Idiomas", (Line("Português nativo, inglês avançado, espanhol básico"),)),
        Sec("certifications", "Certificações", (Line("Microsoft Power BI Data Analyst, 2022"),),
            also=("board_certification",)),
    ),
)
