// LLMClient tests live in the other files of this folder.
