import type { BaseTranslation } from "../i18n-types";
import common from "./common";
import words from "./words";
import meetings from "./meetings";
import meeting from "./meeting";
import agenda from "./agenda";
import attendance from "./attendance";
import minutes from "./minutes";
import approval from "./approval";
import setup from "./setup";
import register from "./register";
import referrals from "./referrals";
import translation from "./translation";
import publish from "./publish";
import start from "./start";
import database from "./database";

// The English catalogue: one file per screen, so each screen's words are found in one place.
const en = {
  common,
  words,
  meetings,
  meeting,
  agenda,
  attendance,
  minutes,
  approval,
  setup,
  register,
  referrals,
  translation,
  publish,
  start,
  database,
} satisfies BaseTranslation;

export default en;
