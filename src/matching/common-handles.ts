/**
 * A compact list of handles that many unrelated people could plausibly hold on both platforms:
 * common first names, everyday words and generic creator handles. Equality of such a handle is
 * weak evidence that two accounts are the same creator (the seed's "@john" warning), so scoring
 * records COMMON_HANDLE against it.
 *
 * Entries are already in normalised handle form (lower-case ASCII letters and digits only).
 * Handles of four characters or fewer are caught by length, so short names are not listed here.
 */

const FIRST_NAMES = `
aaron adam adrian aidan alan albert alex alexa alexander alexandra alexis alice alicia alison
allison amanda amber amelia andre andrea andrew angel angela angelina anna annie anthony antonio
ariana ashley aubrey audrey austin ava bailey barbara benjamin bethany betty beverly blake
bobby bonnie brandon brenda brian brianna brittany brooke bruce bryan caitlin caleb cameron
camila carl carlos carmen carol caroline carolyn carter catherine charles charlie charlotte chelsea
cheryl chloe chris christian christina christine christopher cindy claire clara cody colin connor
courtney crystal cynthia daisy dakota dalton damian daniel daniela danielle david dean deborah
denise dennis derek destiny devin diana diane dominic donald donna dorothy dylan edward elena
eli elijah elizabeth ella ellie emily emma eric erica erin ethan eugene evan evelyn faith
felix fernando frances francisco frank gabriel gabriela gabriella gary george gerald gloria grace
gregory hailey haley hannah harold harper harry hayden heather helen henry hunter isaac isabel
isabella isaiah jackson jacob jacqueline james jamie janet janice jasmine jason javier jeffrey
jennifer jeremy jerry jesse jessica jesus joanna jocelyn johnny jonathan jordan jorge jose
joseph joshua joyce juan judith julia julian juliana julie justin kaitlyn karen katherine kathleen
kathryn katie kayla kaylee keith kelly kelsey kenneth kevin kimberly kristen kyle landon larry
laura lauren layla leah leonardo liam lillian lily linda lindsey logan lucas lucy luis luna
madeline madison maria mariah marie marilyn mark martha martin mary mason matthew maya megan
melanie melissa mia michael michelle miguel mila miranda molly morgan nancy naomi natalie nathan
nicholas nicole noah nora oliver olivia oscar pamela patricia patrick paula peter philip
rachel ralph randy raymond rebecca richard riley robert robin roger ronald rose ruby russell
ryan sabrina samantha samuel sandra sara sarah savannah scott sean sebastian sharon shirley sierra
sofia sophia sophie stephanie stephen steven susan sydney taylor teresa terry thomas tiffany
timothy travis tyler valeria vanessa victor victoria vincent walter wayne william willow wyatt
xavier zachary zoe
`;

const WORDS = `
about admin album anime apple archive artist artsy author baby baker beach beauty beauty
berry blessed blog blogger bloom books boss brand butter candy cartoon chef chill coach coffee
comedy comics content cooking cosmic cozy crafts creative creator cupcake daily dance dancer
design designer dream dreamer dreams editor elite empire events explore family fashion fitness
flower flowers food foodie football forest fresh friends funny gallery gamer gamers games gaming
garden gifts global glow golden gossip happy health hello history hobby home honey info
insider jewelry kitchen legend lifestyle light little love lover lovely lucky magic maker makeup
media memes mindset model money moon motivation movies music musician nature network news nutrition
ocean official online outdoor palace paradise photo photography photos pizza planet player podcast
poetry pretty queen quotes radio random recipes reviews rider royal science secret shop shopping
skincare soccer social space sports star stars store studio style stylist summer sunny sunset
support team tech travel traveler trends video videos vintage vision vlog vlogs water wellness
wild wisdom world writer yoga
`;

const GENERIC = `
thereal realone itsme officialpage theofficial notarobot anonymous unknown somebody nobody
someone username user person human creator
`;

function parse(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

/** Common first names, words and generic handles, normalised. */
export const COMMON_HANDLES: ReadonlySet<string> = new Set([
  ...parse(FIRST_NAMES),
  ...parse(WORDS),
  ...parse(GENERIC),
]);
