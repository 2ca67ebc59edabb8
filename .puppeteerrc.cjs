// Chromium comes from Debian (apt-get install chromium); puppeteer must not download its own.
module.exports = { skipDownload: true };
