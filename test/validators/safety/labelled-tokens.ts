/**
 * Random values in the shapes of real secrets and PII, generated once with a seeded PRNG (none of
 * them was ever issued). Cards and IBANs carry valid check digits; `*Bad` variants break them.
 */
export const T = {
  aws: 'AKIAUJU7VVF4W2XKZGSH',
  aws2: 'ASIAGZ33DPXLIL53NN2F',
  awsSecret: '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',
  ghp: 'ghp_mrBibfpSe7Mg4lAnoYxqRx9eLjp1jqF5FPcx',
  ghs: 'ghs_T1OxZaATrzx9k1TAPgoqpeo4qIjNpbTqWXPU',
  ghpat: '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',
  openai: 'sk-proj--ydq5TymojF6vBpS0u8h4MHO6zRU2xstM10wOJFPWefEUo5LCQxfokHzbonUHljxbC-yzPMq7ae_rerhgstSQDK2fUAG_zl_yu1_pqIyWqf6dCqHJ-ZcD7co',
  openaiLegacy: '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',
  anthropic: 'sk-ant-api03-eOxBRTYbbEC5Fh7zMEO6yW9TFWpfcepiCk4w3XeJiUezeZ09fYb0j699HmtSdI1REJ1KAwT5N9YObNZtevqs7wUvGmQcCAA',
  stripe: 'sk_live_7fxyctkC6JAXXGWdjwhA0BlBWUEIU8k2Z2',
  rk: 'rk_live_HpzesATe93yKpcd975A7How2oWS7nrsMVr',
  slack: 'xoxb-963488751964-4169927702564-FgbWNg5Dq0Gn6vwTVYWa0H5O',
  slackHook: 'https://hooks.slack.com/services/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',
  google: 'AIzafCiOHzR2HhZKZtBOeQgriLQlmfURSl4Km7i',
  sendgrid: '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',
  gitlab: 'glpat-EBS3dMan0Z7YhRIadCp3',
  npm: 'npm_Pi8YSuMkXoMp1MKCcS5w5UMJv70nOobuqBkx',
  hf: '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',
  groq: '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',
  deepseek: 'sk-9578103f3a8a97ba0aa76ea6a035d709',
  pem:
    'Aj62fPU2qihZpwljdE7WN8kMXyjkVh0nyclxQSGX5gOA7VB2o06bHi5ltaL2doqPGFP1Y3C7bZAhFXEJl9uSqFi2SyrEeOOOXn8S+85bSvci4gyXLHcuSu4Dmdz3jFZMcp9lXTeZ9yabLcK37Ej56S6zrUGR9OFhJU5h0WBhQ98viFDEFHaxIqBn6zoAPa8swSUCimS6LQfdrGJkipE6zUoAgP4Ao+QbmE7Qup08LagtTxnwfNdC36qQ1KMj6x1ZxLCDCyJiLBCu1N5yCyJBoBpWD8CeLC73rhacbkALdWHNYfMeoI2C1+P0TxICw7i51bMJ72uF+YR/9v+vsUT8HiKdcSqGsVlaFoZkZGaSo9LJre/WH1FM8La5uD0EHnsYbM/Kzs3XfAuPyCsq2Zel14tvXfsBIswnrqgdV6xxxTyv0bPO5M/kvBp0X3ES8uWweQBUFcQQu00xGg/UdErpmW05/zstiakcnQjqkZS3Y5yytVABLSSsVIvmePX6RniVzY/AwWpEoYQOLwRj9V8WZqO0bHKIY3Nc4UGA6T+3UzKvbXUvIGPDI1waXH4YIqH3UPwWCv5ClQjY5dlAd38ELJIIR9sCLsp5xA0/awt8qHSS3cK/odUd0pprqGQH19v8WcUB7xEsLm97fIcRDwMPJy0HpC3Xc9yIude1LHR9VAInuVGA61hAbWC3BgZXJZu1p7Mquj8i7S+19GQfYYgtRH0U+nJttR8iS8WCrykJHTuCc4I2nBu8kqXC8fXHQrjk',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzIxRDl0QldDIiwiZW1haWwiOiJ4IiwiaWF0IjoxNzEyMzQ1Njc4fQ.ftnKhWEKf4PpSu1djjTLFgOWEfAllaBSeSTx78MTvNY',
  pw: '!nw&zqR95BFk5mejSl',
  dbpw: '64yMpo0QdgjftzDH',
  bearer: 'uxhgiKOIUzrnyzdckOe3xbGRZ31Q25yBfU1FwUf8',
  visa: '4778500834507346',
  mc: '5370642131892929',
  amex: '375149862224591',
  disc: '6011069601048613',
  mc2: '2321735280890087',
  visaBad: '4778500834507347',
  ibanDE: 'DE96120664361463871789',
  ibanGB: 'GB11NWBK01476886465473',
  ibanFR: 'FR4275728815563615067473205',
  ibanNL: 'NL68RABO1522091112',
  ibanBad: 'DE97120664361463871789',
} as const;

/** `1234567890123456` → `1234 5678 9012 3456` (or 4-6-5 for Amex). */
export function groupDigits(digits: string, sizes: number[] = [4, 4, 4, 4], separator = ' '): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

/** `DE89370400440532013000` → `DE89 3704 0044 0532 0130 00`. */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
