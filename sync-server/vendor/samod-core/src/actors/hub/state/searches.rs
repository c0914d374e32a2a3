use std::collections::{HashMap, HashSet};

use crate::{
    DialerId, DocSearchPhase, DocumentActorId,
    actors::hub::{
        dialer::{DialerState, DialerStatus},
        state::ActorInfo,
    },
};

pub(super) struct Searches {
    pub(super) phases: HashMap<DocumentActorId, DocSearchPhase>,
    pub(super) last_dialers: HashMap<DialerId, DialerStatus>,
    /// Partnero patch: actors whose search phase may have changed since the last
    /// `pop_state_updates`. Comparing every actor's phase (each holding a map over all
    /// connections while searching) on every hub event made the hub O(documents x connections)
    /// per message; now only the touched actors are compared, unless the dialers changed.
    pub(super) touched: HashSet<DocumentActorId>,
}

impl Searches {
    pub(super) fn new() -> Self {
        Self {
            phases: HashMap::new(),
            last_dialers: HashMap::new(),
            touched: HashSet::new(),
        }
    }

    pub(super) fn add_search(&mut self, actor: DocumentActorId, phase: DocSearchPhase) {
        self.phases.insert(actor, phase);
        self.touched.insert(actor);
    }

    /// Notes that `actor`'s search phase may have changed (or that it is new).
    pub(super) fn touch(&mut self, actor: DocumentActorId) {
        self.touched.insert(actor);
    }

    pub(super) fn pop_state_updates(
        &mut self,
        actors: &HashMap<DocumentActorId, ActorInfo>,
        dialers: &HashMap<DialerId, DialerState>,
    ) -> HashMap<DocumentActorId, DocSearchPhase> {
        let new_dialer_state = dialers
            .iter()
            .map(|(dialer_id, state)| (*dialer_id, state.status.clone()))
            .collect::<HashMap<DialerId, DialerStatus>>();
        let dialers_changed = self.last_dialers != new_dialer_state;
        self.last_dialers = new_dialer_state;

        let mut result = HashMap::new();
        let touched = std::mem::take(&mut self.touched);
        let candidates: Box<dyn Iterator<Item = (&DocumentActorId, &ActorInfo)>> =
            if dialers_changed {
                Box::new(actors.iter())
            } else {
                Box::new(
                    touched
                        .iter()
                        .filter_map(|id| actors.get_key_value(id)),
                )
            };
        for (actor_id, actor) in candidates {
            let last_phase = self.phases.get(actor_id);
            if last_phase != Some(&actor.search_phase) || dialers_changed {
                result.insert(*actor_id, actor.search_phase.clone());
            }
            self.phases.insert(*actor_id, actor.search_phase.clone());
        }
        result
    }
}
