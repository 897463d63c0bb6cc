import type { Translation } from "../i18n-types";
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

// The Welsh catalogue (every key of the English one, checked by the types): one file per screen, so each screen's words are found in one place.
const cy = {
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
} satisfies Translation;

export default cy;
