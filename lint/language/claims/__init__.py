"""Claims: what makes a sentence a claim about the market (`detector`), from the cues in
`claim_cues.yaml` (`cues`) and the signs that a sentence is not stated as fact (`signs`)."""
