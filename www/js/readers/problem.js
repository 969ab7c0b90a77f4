/** A file that cannot become a document; its message says why, for the user, naming the file. */
export class FileProblem extends Error {}
