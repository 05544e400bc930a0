/**
 * Word lists the world generator draws names, handles, captions and hashtags from. Kept apart
 * from the generator so the generator reads as rules, not as data.
 */

export const CATEGORIES = [
  'beauty',
  'gaming',
  'news',
  'tech',
  'food',
  'fitness',
  'music',
  'comedy',
  'fashion',
  'travel',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Typical hours between a hashtag's start on X and its arrival on TikTok. Fast-moving verticals
 * cross quickly; lifestyle ones slowly. Every wave draws its true lag around its category's value.
 */
export const CATEGORY_LAG_HOURS: Record<Category, number> = {
  news: 5,
  gaming: 7,
  music: 7,
  comedy: 8,
  beauty: 10,
  tech: 12,
  fashion: 14,
  food: 16,
  fitness: 18,
  travel: 20,
};

export const FIRST_NAMES = [
  'amy', 'sam', 'mike', 'john', 'lisa', 'emma', 'chris', 'alex', 'maria', 'jose', 'chloe', 'zoe',
  'liam', 'noah', 'mia', 'ava', 'leo', 'nina', 'omar', 'priya', 'kenji', 'yuki', 'lucas', 'sofia',
  'dan', 'ben', 'kate', 'tom', 'anna', 'nick', 'jess', 'ryan', 'lena', 'ivan', 'rosa', 'hugo',
  'ella', 'max', 'luca', 'aria', 'nora', 'kai', 'ravi', 'sara', 'theo', 'ines', 'jade', 'owen',
  'ruby', 'finn', 'amelie', 'renee', 'zara', 'malik', 'tariq', 'chen', 'mei', 'sven', 'olga', 'bea',
  'gabe', 'marcus', 'elena', 'diego', 'hannah', 'felix', 'imani', 'jonas', 'keira', 'lorenzo', 'maya', 'nadia',
  'oscar', 'paloma', 'quinn', 'rafael', 'selma', 'tobias', 'uma', 'victor', 'wanda', 'yara', 'zeke', 'aisha',
  'bruno', 'camila', 'dario', 'esther', 'farid', 'greta', 'hector', 'ingrid', 'jamal', 'kofi', 'leila', 'mateo',
  'nils', 'odile', 'pablo', 'rhea', 'santiago', 'tessa', 'ulrich', 'vera', 'wes', 'ximena', 'yusuf', 'zainab',
];

/** Surnames are built from parts so that full names are mostly distinct, as real names are. */
export const SURNAME_HEADS = [
  'ander', 'bal', 'car', 'del', 'fer', 'gal', 'har', 'kal', 'lind', 'mar', 'nor', 'pal', 'ros', 'sal', 'tor',
  'val', 'wal', 'ber', 'cor', 'dor', 'gar', 'hol', 'kir', 'lor', 'mor', 'ost', 'quin', 'rad', 'sten', 'tam',
  'vin', 'zel', 'vas', 'bren', 'cas', 'eck', 'fitz', 'grim', 'hay', 'jen',
];
export const SURNAME_TAILS = [
  'son', 'berg', 'man', 'ley', 'ton', 'quez', 'ini', 'ova', 'ski', 'er', 'ford', 'well', 'by', 'ard', 'ing',
  'sen', 'holm', 'stein', 'ano', 'elli', 'ez', 'croft', 'mond', 'wick', 'dal',
];

/** Organisations (universities, councils, museums, newsrooms): place + kind, as in the curated real pairs. */
export const ORG_PLACES = [
  'riverside', 'neu ulm', 'harbor city', 'oak valley', 'north shore', 'lakeview', 'eastfield', 'westbrook',
  'pine hill', 'stonebridge', 'maple county', 'redwood', 'silver lake', 'fairhaven', 'clearwater', 'brookside',
  'hillcrest', 'kingsport', 'bay area', 'summit', 'greenville', 'ashford', 'millbrook', 'cedar falls',
  'south bend', 'port royal', 'highland', 'eaglewood', 'newcastle', 'elmstead',
];
export const ORG_KINDS = [
  'university', 'college', 'museum', 'library', 'city council', 'police', 'fire department', 'symphony',
  'zoo', 'hospital', 'news', 'radio', 'theatre', 'fc', 'school of music', 'science center', 'tech institute',
];
/** How organisations shorten their words in handles. */
export const ORG_SHORT: Record<string, string> = {
  university: 'uni', college: 'col', museum: 'mus', library: 'lib', council: 'cc', police: 'pd', department: 'dept',
  symphony: 'sym', hospital: 'hosp', theatre: 'th', institute: 'inst', center: 'ctr', science: 'sci', city: 'c',
  north: 'n', south: 's', east: 'e', west: 'w', county: 'co', music: 'mus', school: 'sch', tech: 't',
};

export const LAST_NAMES = [
  'lee', 'kim', 'garcia', 'smith', 'nguyen', 'patel', 'rossi', 'silva', 'cohen', 'brown', 'muller',
  'tanaka', 'lopez', 'martin', 'khan', 'jones', 'park', 'diaz', 'moreau', 'novak', 'ali', 'wong',
  'fischer', 'santos', 'reyes', 'okafor', 'berg', 'costa', 'ivanova', 'haddad',
];

/** Accented spellings of some first names: same person, different bytes. */
export const ACCENTED: Record<string, string> = {
  amelie: 'Amélie',
  renee: 'Renée',
  jose: 'José',
  chloe: 'Chloé',
  zoe: 'Zoë',
  ines: 'Inès',
  bea: 'Béa',
  muller: 'Müller',
  moreau: 'Moreau',
  lucas: 'Lucás',
};

export const CATEGORY_WORDS: Record<Category, string[]> = {
  beauty: ['glow', 'beauty', 'makeup', 'skin', 'lash', 'blush', 'glam'],
  gaming: ['plays', 'gg', 'gamer', 'clutch', 'pixel', 'respawn', 'speedrun'],
  news: ['news', 'daily', 'report', 'brief', 'wire', 'update'],
  tech: ['tech', 'dev', 'gadget', 'bytes', 'code', 'unboxed'],
  food: ['eats', 'cooks', 'kitchen', 'bakes', 'chef', 'snacks'],
  fitness: ['fit', 'lifts', 'gains', 'runs', 'yoga', 'strong'],
  music: ['beats', 'music', 'vocals', 'keys', 'drums'],
  comedy: ['lol', 'jokes', 'funny', 'skits', 'laughs'],
  fashion: ['style', 'fits', 'closet', 'thrift', 'drip'],
  travel: ['travels', 'roams', 'wander', 'nomad', 'trips'],
};

/** Everyday hashtags per category: the background every trend has to rise above. */
export const EVERGREEN_TAGS: Record<Category, string[]> = {
  beauty: ['makeup', 'skincare', 'grwm', 'beautytips', 'makeuptutorial'],
  gaming: ['gaming', 'gamer', 'twitch', 'fortnite', 'minecraft'],
  news: ['news', 'breaking', 'politics', 'worldnews'],
  tech: ['tech', 'ai', 'coding', 'gadgets', 'iphone'],
  food: ['foodie', 'recipe', 'cooking', 'baking', 'easyrecipe'],
  fitness: ['fitness', 'gym', 'workout', 'fitcheck', 'running'],
  music: ['music', 'newmusic', 'cover', 'singer'],
  comedy: ['comedy', 'funny', 'relatable', 'skit'],
  fashion: ['fashion', 'ootd', 'style', 'thrifted'],
  travel: ['travel', 'wanderlust', 'traveltok', 'roadtrip'],
};

/** Stems for trending hashtags; combined with TREND_SUFFIXES into unique wave tags. */
export const TREND_STEMS: Record<Category, string[]> = {
  beauty: ['glassskin', 'latte', 'cleangirl', 'blushblind', 'lipcombo', 'glazed'],
  gaming: ['patchday', 'newseason', 'rankedgrind', 'bossrush', 'cozygame', 'speedrun'],
  news: ['stormwatch', 'marketdip', 'electionnight', 'summittalks', 'heatwave', 'recall'],
  tech: ['newphone', 'aiagent', 'foldable', 'chipshortage', 'devday', 'batterygate'],
  food: ['cottagecheese', 'pastachips', 'airfryer', 'mugcake', 'ramenhack', 'dumpling'],
  fitness: ['hotgirlwalk', '75hard', 'pilates', 'zone2', 'stairmaster', 'mobility'],
  music: ['remix', 'duetthis', 'albumdrop', 'tourlife', 'coverchallenge'],
  comedy: ['povskit', 'corporate', 'roommate', 'dadjoke', 'unhinged'],
  fashion: ['quietluxury', 'mobwife', 'coastal', 'gorpcore', 'balletcore'],
  travel: ['hiddengem', 'vanlife', 'cheapflights', 'solotrip', 'islandhop'],
};
export const TREND_SUFFIXES = ['', 'challenge', 'trend', 'szn', '2026', 'check', 'era', 'tok'];

export const CAPTION_OPENERS: Record<Category, string[]> = {
  beauty: ['my everyday glow routine', 'trying the viral blush hack', 'full glam in 5 minutes', 'skincare before bed'],
  gaming: ['this clutch was insane', 'ranked is pain', 'new patch thoughts', 'speedrun attempt #3'],
  news: ['what we know so far', 'quick update on today', 'the story nobody is covering', 'explained in 60 seconds'],
  tech: ['unboxing the new one', 'is it worth it?', 'three tools I use daily', 'this setup changed everything'],
  food: ['dinner in 15 minutes', 'you need to try this', 'grandma would approve', 'easy weeknight recipe'],
  fitness: ['leg day done', 'form check please', 'morning run', 'my full week of training'],
  music: ['new cover up now', 'wrote this last night', 'live in the studio', 'which version is better'],
  comedy: ['pov: your coworker', 'nobody: me:', 'this happened today', 'part 2 as promised'],
  fashion: ['fit check', 'thrift haul', 'styling one piece 3 ways', 'closet clean out'],
  travel: ['48 hours in the city', 'hidden gem alert', 'packing tips', 'view from the top'],
};

export const EMOJI = ['✨', '🔥', '💄', '🎮', '📰', '💻', '🍜', '💪', '🎵', '😂', '👗', '✈️', '🌸', '💯'];

export const COMMON_HANDLES = [
  'john', 'mike', 'sam', 'alex', 'chris', 'emma', 'lisa', 'dan', 'maria', 'kevin', 'anna', 'tom',
  'ben', 'nick', 'kate', 'david', 'sarah', 'james', 'laura', 'paul',
];

export const BRAND_NAMES: { name: string; category: Category; product: string[] }[] = [
  { name: 'Glowly', category: 'beauty', product: ['serum', 'tint', 'balm'] },
  { name: 'NovaTech', category: 'tech', product: ['phone', 'buds', 'watch'] },
  { name: 'Crunchy Bites', category: 'food', product: ['chips', 'bar', 'flavor'] },
  { name: 'PeakFit', category: 'fitness', product: ['band', 'shoe', 'app'] },
  { name: 'PixelForge', category: 'gaming', product: ['mouse', 'headset', 'chair'] },
  { name: 'Lumen Skin', category: 'beauty', product: ['spf', 'toner', 'mask'] },
  { name: 'ByteBox', category: 'tech', product: ['router', 'drive', 'hub'] },
  { name: 'Zesty Kitchen', category: 'food', product: ['sauce', 'kit', 'spice'] },
  { name: 'Threadline', category: 'fashion', product: ['drop', 'jacket', 'tote'] },
  { name: 'Wayfare Air', category: 'travel', product: ['route', 'pass', 'deal'] },
  { name: 'Soundwave', category: 'music', product: ['speaker', 'mic', 'app'] },
  { name: 'Laughtrack', category: 'comedy', product: ['tour', 'special', 'podcast'] },
];

/** Hosts that serve many people's link pages: a shared host is not evidence, the full path is. */
export const LINK_IN_BIO_HOSTS = ['linktr.ee', 'beacons.ai', 'stan.store', 'bio.link'];

export const TLDS = ['.com', '.com', '.com', '.co', '.io', '.net', '.studio', '.me'];
