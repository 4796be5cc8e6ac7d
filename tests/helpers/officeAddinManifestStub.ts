/** office-addin-manifest as office-addin-mock uses it (its OfficeApp enum), for the browser bundle of the fake Excel. */
export const OfficeApp = { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' };
