import type { Translation } from "../i18n-types";

// The "Publish website" screen's words in Welsh.
export default {
  title: "Cyhoeddi'r wefan",
  intro:
    "Gwefan gyhoeddus y cofnod, yn Gymraeg ac yn Saesneg: ffolder o dudalennau y gall unrhyw weinydd gwe neu ffolder a rennir eu gweini, heb unrhyw raglen ar y gweinydd. Wrth gyhoeddi eto, dim ond yr hyn sydd wedi newid a ysgrifennir.",
  what: "Beth sy'n cael ei gyhoeddi",
  agenda: "Agenda pob cyfarfod ar ôl ei chyhoeddi, a'i phecyn agenda ar ôl ei ddosbarthu.",
  minutes: "Y cofnodion ar ôl cyhoeddi'r drafft i'r aelodau, wedi'u nodi'n ddrafft, wedi'u cymeradwyo neu wedi'u llofnodi.",
  notice: "Yr hysbysiad o benderfyniadau ar ôl ei gyhoeddi.",
  register: "Y pwyllgorau a'u haelodau, calendr y cyfarfodydd, y gofrestr penderfyniadau a'i chwilio, a'r data agored (OParl).",
  never: "Dim gwybodaeth eithriedig, byth: dim cofnod nac adroddiad Rhan 2, a dim o gyfarfod cyn iddo gael ei gyhoeddi.",
  folder: "Ffolder",
  folderHint: "Ffolder newydd neu wag, neu ffolder gwefan a gyhoeddwyd o'r blaen. Gwrthodir ffolder sy'n cynnwys ffeiliau eraill.",
  choose: "Dewiswch…",
  chooseTitle: "Dewiswch y ffolder ar gyfer y wefan",
  address: "Cyfeiriad gwe",
  addressHint: "O ble y caiff y ffolder ei weini: mae'r data agored yn cyfeirio at bob tudalen drwy'r cyfeiriad hwn.",
  addressPlaceholder: "https://democratiaeth.example.gov.uk/",
  start: "Cyhoeddi",
  progress: "Cyfarfodydd wedi'u cyhoeddi",
  reading: "Wrthi'n darllen y cofnod…",
  meetingOf: "Cyfarfod {done} o {total}",
  step: {
    meetings: "yn ysgrifennu tudalennau a dogfennau pob cyfarfod",
    pages: "yn ysgrifennu tudalennau'r pwyllgorau, y calendr a'r gofrestr",
    openData: "yn ysgrifennu'r data agored (OParl)",
    search: "yn paratoi chwiliad y gofrestr",
    done: "yn gorffen",
  },
  cancelling: "Wrthi'n canslo…",
  result:
    "Wedi cyhoeddi. Cyfarfodydd: {meetings} ({changed} wedi newid). Penderfyniadau: {resolutions}. Ffeiliau: {files} ({written} wedi'u hysgrifennu, {unchanged} heb newid, {removed} wedi'u dileu), {mb} MB.",
  cancelled: "Canslwyd y cyhoeddi. Mae'r wefan yn cynnwys y cyfarfodydd a gyhoeddwyd cyn i chi ganslo; cyhoeddwch eto i'w gorffen.",
  where: "Mae'r wefan yn {folder}: agorwch index.html yno, neu copïwch y ffolder i'r gweinydd gwe.",
} satisfies Translation["publish"];
