// The Welsh of the demo's meeting of 5 January 2015, as a translator would give it: the words
// the translation test types into the translation view, keyed by the English original.
/** Whitespace as the translation view shows it (a paragraph break is a blank line). */
export const norm = (s) => s.replace(/\s+/g, " ").trim();

export const WELSH = new Map(
  [
  ["Apologies for absence", "Ymddiheuriadau am absenoldeb"],
  ["Minutes", "Cofnodion"],
  ["Declarations of interest (including whipping declarations)", "Datganiadau o fuddiant (gan gynnwys datganiadau chwipio)"],
  [
    "National inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours",
    "Arolygiad cenedlaethol o ddiogelu a chynllunio gofal ar gyfer plant sy'n derbyn gofal a phobl sy'n gadael gofal sy'n dangos ymddygiad bregus neu beryglus",
  ],
  [
    "The Lead Inspector explained that the inspection had been carried out in every local authority in Wales, the first such national review for several years, prompted by growing public concern about the sexual exploitation of young people. It had looked at looked after children aged eleven and over whose behaviour put them at risk, reading a sample of case files in each authority and meeting the partner agencies involved.\n\nCommittee was advised that corporate leadership had been found to be a strength of the Council: safeguarding was a stated corporate priority, managers and staff were committed and the workforce was stable. Areas for development included a corporate parenting strategy to co-ordinate improvements, a shared profile of vulnerable children and the risks they faced, more consistent core assessments, and the engagement of young people in their own plans.\n\nThe inspection had also noted, as it had across Wales, concern about the capacity of mental health services for children and adolescents, and the Police had asked that the protocol for young people who go missing be revisited.",
    "Esboniodd y Prif Arolygydd fod yr arolygiad wedi'i gynnal ym mhob awdurdod lleol yng Nghymru, yr adolygiad cenedlaethol cyntaf o'i fath ers sawl blwyddyn, yn sgil pryder cynyddol y cyhoedd am gamfanteisio'n rhywiol ar bobl ifanc. Roedd wedi edrych ar blant sy'n derbyn gofal, un ar ddeg oed a hŷn, yr oedd eu hymddygiad yn eu rhoi mewn perygl, gan ddarllen sampl o ffeiliau achos ym mhob awdurdod a chyfarfod â'r asiantaethau partner dan sylw.\n\nCafodd y Pwyllgor wybod bod arweinyddiaeth gorfforaethol wedi'i chanfod yn un o gryfderau'r Cyngor: roedd diogelu yn flaenoriaeth gorfforaethol ddatganedig, roedd rheolwyr a staff yn ymroddedig ac roedd y gweithlu'n sefydlog. Roedd y meysydd i'w datblygu yn cynnwys strategaeth rhianta corfforaethol i gydlynu gwelliannau, proffil a rennir o blant bregus a'r risgiau a wynebent, asesiadau craidd mwy cyson, ac ymgysylltu â phobl ifanc yn eu cynlluniau eu hunain.\n\nRoedd yr arolygiad hefyd wedi nodi, fel y gwnaeth ledled Cymru, bryder am gapasiti gwasanaethau iechyd meddwl plant a phobl ifanc, ac roedd yr Heddlu wedi gofyn i'r protocol ar gyfer pobl ifanc sy'n mynd ar goll gael ei ailystyried.",
  ],
  ["how the Council could engage better with looked after children", "sut y gallai'r Cyngor ymgysylltu'n well â phlant sy'n derbyn gofal"],
  [
    "young people needed regular opportunities to talk about what affected them and clear information about where to find support",
    "fod angen cyfleoedd rheolaidd ar bobl ifanc i siarad am yr hyn a oedd yn effeithio arnynt, a gwybodaeth glir am ble i gael cymorth",
  ],
  ["what effect pressure on Police budgets had had", "pa effaith a gafodd y pwysau ar gyllidebau'r Heddlu"],
  [
    "frequent changes of officer had made it harder for young people to build the trust they needed to speak openly to the Police",
    "fod newid swyddogion yn aml wedi'i gwneud yn anos i bobl ifanc feithrin yr ymddiriedaeth yr oedd ei hangen arnynt i siarad yn agored â'r Heddlu",
  ],
  [
    "when a strategy for children's and adolescents' mental health services would be in place",
    "pryd y byddai strategaeth ar gyfer gwasanaethau iechyd meddwl plant a'r glasoed ar waith",
  ],
  [
    "support was generally good, but clinical diagnosis and the range of services available needed investment across Wales",
    "fod y cymorth yn dda ar y cyfan, ond bod angen buddsoddi mewn diagnosis clinigol ac yn yr ystod o wasanaethau sydd ar gael ledled Cymru",
  ],
  ["which parts of the Council's action plan should be given priority", "pa rannau o gynllun gweithredu'r Cyngor y dylid eu blaenoriaethu"],
  [
    "a national report on all twenty-two authorities was expected shortly and would inform the priorities of the local action plan, which had already been drawn up",
    "fod disgwyl adroddiad cenedlaethol ar bob un o'r dau awdurdod ar hugain cyn bo hir, ac y byddai'n llywio blaenoriaethau'r cynllun gweithredu lleol, a oedd eisoes wedi'i lunio",
  ],
  [
    "The Committee asked to receive an update on the action plan, in particular on engagement with looked after children.",
    "Gofynnodd y Pwyllgor am gael diweddariad ar y cynllun gweithredu, yn enwedig ar ymgysylltu â phlant sy'n derbyn gofal.",
  ],
  [
    "the minutes of the meeting held on 1st December, 2014 be approved as a correct record.",
    "y dylid cymeradwyo cofnodion y cyfarfod a gynhaliwyd ar 1 Rhagfyr 2014 fel cofnod cywir.",
  ],
  ["To confirm the record of the meeting.", "Cadarnhau cofnod y cyfarfod."],
  [
    "the key findings of the inspection, covering both the areas of progress and those needing improvement, together with the action plan prepared in response to its recommendations, be noted",
    "prif ganfyddiadau'r arolygiad, sy'n cwmpasu'r meysydd lle bu cynnydd a'r rhai y mae angen eu gwella, ynghyd â'r cynllun gweithredu a baratowyd mewn ymateb i'w argymhellion, yn cael eu nodi",
  ],
  [
    "the report and presentation on the national inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours be referred to Cabinet for its consideration",
    "yr adroddiad a'r cyflwyniad ar yr arolygiad cenedlaethol o ddiogelu a chynllunio gofal ar gyfer plant sy'n derbyn gofal a phobl sy'n gadael gofal sy'n dangos ymddygiad bregus neu beryglus yn cael eu cyfeirio at y Cabinet i'w hystyried",
  ],
  [
    "To keep Members informed of the findings of independent inspections of the performance of Social Services.",
    "Rhoi gwybod i'r Aelodau am ganfyddiadau arolygiadau annibynnol o berfformiad y Gwasanaethau Cymdeithasol.",
  ],
  ["To inform Cabinet of the main findings of the inspection.", "Rhoi gwybod i'r Cabinet am brif ganfyddiadau'r arolygiad."],
  ].map(([en, cy]) => [norm(en), cy]),
);
